package org.synapseworkbench.ui.review;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import org.synapseworkbench.proofread.ReviewQueue;

/**
 * The review queue as a table: one row per item (rows are the queue's item numbers), sortable by any column, shown
 * by kind and status, with the selection as the item under review. Sorting reads each sorted column's values once
 * per row, so 10,000 rows sort at once.
 */
final class ReviewTable {
    private final Supplier<ReviewQueue> queue;
    private final TableView<Integer> table = new TableView<>();
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private final FilteredList<Integer> shownRows = new FilteredList<>(rows);
    private final SortedList<Integer> sorted = new SortedList<>(shownRows);
    /** Each column's value of a row. */
    private final Map<TableColumn<Integer, ?>, Function<Integer, ?>> values = new HashMap<>();
    /** Which kind of item the table shows (null: every kind). */
    private final ChoiceBox<ReviewQueue.Kind> kindShown = new ChoiceBox<>();
    /** Which status the table shows (null: any). */
    private final ChoiceBox<ReviewQueue.Status> statusShown = new ChoiceBox<>();
    private final HBox filters;

    /**
     * @param queue the queue shown (null before the first search)
     * @param selected hears the item selected, to show it
     */
    ReviewTable(Supplier<ReviewQueue> queue, IntConsumer selected) {
        this.queue = queue;
        table.setId("review-table");
        table.getStyleClass().add("review-table");
        table.getStylesheets().add(ReviewTable.class.getResource("review-table.css").toExternalForm());
        table.setPlaceholder(new Label("No items yet"));
        TableColumn<Integer, String> kind = column("kind", i -> item(i).kind().label());
        kind.setPrefWidth(170); // "false detection (truth)" whole
        TableColumn<Integer, String> status = column("status", i -> queue.get().verdict(i).label());
        status.setPrefWidth(150);
        table.getColumns().setAll(List.of(
                column("#", i -> i + 1),
                kind,
                column("id", i -> item(i).id()),
                column("z", i -> item(i).centre()[0]),
                column("y", i -> item(i).centre()[1]),
                column("x", i -> item(i).centre()[2]),
                column("voxels", i -> item(i).voxels()),
                column("pre", i -> item(i).preVoxels()),
                column("post", i -> item(i).postVoxels()),
                column("mean", i -> round(item(i).mean())),
                column("peak", i -> round(item(i).peak())),
                column("score", i -> round(item(i).score())),
                status));
        kindShown.getItems().add(null);
        kindShown.getItems().addAll(ReviewQueue.Kind.values());
        statusShown.getItems().add(null);
        statusShown.getItems().addAll(ReviewQueue.Status.values());
        kindShown.setConverter(labels(ReviewQueue.Kind::label, "every kind"));
        statusShown.setConverter(labels(ReviewQueue.Status::label, "any status"));
        kindShown.setValue(null);
        statusShown.setValue(null);
        kindShown.setId("review-kind-shown");
        statusShown.setId("review-status-shown");
        kindShown.valueProperty().addListener((obs, was, now) -> refilter());
        statusShown.valueProperty().addListener((obs, was, now) -> refilter());
        table.setSortPolicy(t -> {
            sorted.setComparator(comparator());
            return true;
        });
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                selected.accept(now);
            }
        });
        filters = new HBox(6, new Label("Show"), kindShown, statusShown);
        filters.setAlignment(Pos.CENTER_LEFT);
    }

    TableView<Integer> view() {
        return table;
    }

    /** The kind and status choosers. */
    HBox filters() {
        return filters;
    }

    /** Shows a new queue's items, in its own order. */
    void showAll(int items) {
        sorted.setComparator(null); // its keys are the old queue's
        rows.setAll(IntStream.range(0, items).boxed().toList());
        table.sort();
    }

    /** After a decision: a decided row leaves a table of rows to review, an undone one comes back. */
    void decided() {
        if (statusShown.getValue() != null) {
            refilter();
        }
        table.refresh();
    }

    /** The item shown (the selected row), or -1. */
    int current() {
        Integer i = table.getSelectionModel().getSelectedItem();
        return i == null ? -1 : i;
    }

    /** Moves the selection by {@code delta} rows of the table as sorted. */
    void step(int delta) {
        if (table.getItems().isEmpty()) {
            return;
        }
        int row = table.getSelectionModel().getSelectedIndex();
        select(row < 0 ? 0 : Math.floorMod(row + delta, table.getItems().size()));
    }

    /** Selects the next row, after the selected one and round, whose item is still to review; false when none is. */
    boolean nextToReview() {
        List<Integer> items = table.getItems();
        int from = selectedRow();
        for (int k = 1; k <= items.size(); k++) {
            int row = Math.floorMod(from + k, items.size());
            if (queue.get().status(items.get(row)) == ReviewQueue.Status.TO_REVIEW) {
                select(row);
                return true;
            }
        }
        return false;
    }

    /**
     * After {@code item}, which was at {@code row}, was decided: the next row, or the one taking its place if the filter
     * hides it now.
     */
    void next(int item, int row) {
        if (table.getItems().contains(item)) {
            step(1);
        } else if (!table.getItems().isEmpty()) {
            select(Math.min(row, table.getItems().size() - 1));
        }
    }

    int selectedRow() {
        return table.getSelectionModel().getSelectedIndex();
    }

    /** Selects a row of the table as sorted and filtered, and scrolls it into view. */
    void select(int row) {
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
    }

    /** Shows the rows of this kind and status (null: any). */
    void show(ReviewQueue.Kind kind, ReviewQueue.Status s) {
        kindShown.setValue(kind);
        statusShown.setValue(s);
    }

    private void refilter() {
        ReviewQueue.Kind k = kindShown.getValue();
        ReviewQueue.Status st = statusShown.getValue();
        ReviewQueue q = queue.get();
        shownRows.setPredicate(i -> q != null && (k == null || q.items().get(i).kind() == k) && (st == null || q.status(i) == st));
    }

    private ReviewQueue.Item item(int i) {
        return queue.get().items().get(i);
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private <T> TableColumn<Integer, T> column(String name, Function<Integer, T> value) {
        TableColumn<Integer, T> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        values.put(c, value);
        return c;
    }

    /**
     * The table's sort order as a comparator over each sorted column's values, read once for every row when the order
     * is set (sorting 10,000 rows through the cells' value factories took 1-2 s); a status sort follows decisions
     * made later when the column is sorted again. Null for the queue's own order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Integer> comparator() {
        Comparator<Integer> order = null;
        for (TableColumn<Integer, ?> column : table.getSortOrder()) {
            Function<Integer, ?> value = values.get(column);
            Comparable[] keys = new Comparable[rows.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (Comparable) value.apply(i);
            }
            Comparator<Integer> one = (a, b) -> keys[a].compareTo(keys[b]);
            one = column.getSortType() == TableColumn.SortType.DESCENDING ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    /** Names choices by {@code label}, and null by {@code none}. */
    static <T> StringConverter<T> labels(Function<T, String> label, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : label.apply(t);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen, never typed");
            }
        };
    }
}
