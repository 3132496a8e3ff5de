package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sets joined in any order keep their smallest element as the root, also as elements are added. */
class UnionFindTest {
    @Test
    void rootsAreTheSmallestElementsAndTheSetsGrow() {
        UnionFind sets = new UnionFind(4);
        sets.union(3, 1);
        sets.union(2, 3);
        assertEquals(1, sets.find(2));
        assertEquals(0, sets.find(0));
        for (int i = 0; i < 40; i++) {
            sets.add(); // beyond the first capacity
        }
        assertEquals(44, sets.size());
        sets.union(43, 2);
        sets.union(40, 0);
        assertEquals(1, sets.find(43));
        assertEquals(0, sets.find(40));
        assertEquals(41, sets.find(41));
    }
}
