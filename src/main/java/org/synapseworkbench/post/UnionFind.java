package org.synapseworkbench.post;

import java.util.Arrays;

/**
 * Disjoint sets of elements 0..n-1 that grow as elements are added, for joining runs of voxels into connected
 * components: the smaller index always stays a set's root, so a root is its component's first element in scan
 * order; paths are halved as they are followed.
 */
public final class UnionFind {
    private int[] parent;
    private int size;

    /** Sets of {@code n} elements, each alone. */
    public UnionFind(int n) {
        parent = new int[Math.max(16, n)];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        size = n;
    }

    /** Adds an element in a set of its own; returns its index. */
    public int add() {
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, 2 * size);
        }
        parent[size] = size;
        return size++;
    }

    /** How many elements there are. */
    public int size() {
        return size;
    }

    /** The root of the set {@code a} is in: its smallest element. */
    public int find(int a) {
        int[] p = parent;
        while (p[a] != a) {
            p[a] = p[p[a]];
            a = p[a];
        }
        return a;
    }

    /** Joins the sets of {@code a} and {@code b}. */
    public void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
