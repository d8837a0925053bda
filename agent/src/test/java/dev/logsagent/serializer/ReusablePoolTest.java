package dev.logsagent.serializer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReusablePoolTest {
    private final AtomicInteger created = new AtomicInteger();
    private final List<Integer> disposed = new ArrayList<>();
    private final ReusablePool<Integer> pool = new ReusablePool<>(2, created::incrementAndGet, disposed::add);

    @Test
    void handsBackWhatWasReleased() {
        Integer first = pool.borrow();
        pool.release(first);

        assertThat(pool.borrow()).isSameAs(first);
        assertThat(created).hasValue(1);
    }

    @Test
    void disposesOfInstancesBeyondItsIdleLimit() {
        Integer a = pool.borrow();
        Integer b = pool.borrow();
        Integer c = pool.borrow();

        pool.release(a);
        pool.release(b);
        pool.release(c);

        assertThat(disposed).containsExactly(c);
    }

    @Test
    void disposesOfEveryIdleInstanceWhenItsOwnerIsGone() {
        Integer a = pool.borrow();
        Integer b = pool.borrow();
        pool.release(a);
        pool.release(b);

        pool.disposeIdle();

        assertThat(disposed).containsExactly(a, b);
        assertThat(pool.borrow()).isEqualTo(3);
    }
}
