package dev.curtain.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** IntDeque's insert, and that no write through one copy shows in another that shares its storage. */
class IntDequeTest {
    private static IntDeque of(int... items) {
        IntDeque q = new IntDeque();
        for (int i : items) {
            q.addLast(i);
        }
        return q;
    }

    @Test
    void insertPutsTheItemBeforeTheIthItem() {
        IntDeque q = of(1, 2, 3);
        q.insert(1, 9);
        assertThat(q.toArray()).containsExactly(1, 9, 2, 3);
        q.insert(0, 8);
        q.insert(q.size(), 7);
        assertThat(q.toArray()).containsExactly(8, 1, 9, 2, 3, 7);
        assertThatThrownBy(() -> q.insert(7, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anInsertDoesNotShowInACopy() {
        IntDeque q = of(1, 2, 3, 4);
        IntDeque snapshot = q.copy();
        q.insert(2, 9);
        assertThat(q.toArray()).containsExactly(1, 2, 9, 3, 4);
        assertThat(snapshot.toArray()).containsExactly(1, 2, 3, 4);
        snapshot.insert(1, 5);
        assertThat(snapshot.toArray()).containsExactly(1, 5, 2, 3, 4);
        assertThat(q.toArray()).containsExactly(1, 2, 9, 3, 4);
    }

    @Test
    void manyInsertsGrowTheArray() {
        IntDeque q = of();
        for (int i = 0; i < 100; i++) {
            q.insert(q.size() / 2, i);
        }
        assertThat(q.size()).isEqualTo(100);
        assertThat(q.toArray()).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 100).toArray());
    }
}
