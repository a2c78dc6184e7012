package id.kypso.agent.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final long MS = 1_000_000L;

    @Test
    void firstEdge_isAcceptedAtOnce() {
        Debouncer debouncer = new Debouncer(50 * MS, false);

        assertThat(debouncer.update(true, 0)).contains(true);
    }

    @Test
    void edgesInsideTheWindow_areIgnored() {
        Debouncer debouncer = new Debouncer(50 * MS, false);
        debouncer.update(true, 0);

        assertThat(debouncer.update(false, 2 * MS)).isEmpty();
        assertThat(debouncer.update(true, 4 * MS)).isEmpty();
        assertThat(debouncer.isActive()).isTrue();
    }

    @Test
    void changeAfterTheWindow_isAccepted() {
        Debouncer debouncer = new Debouncer(50 * MS, false);
        debouncer.update(true, 0);

        assertThat(debouncer.update(false, 51 * MS)).contains(false);
    }

    @Test
    void sameLevel_isNoChange() {
        Debouncer debouncer = new Debouncer(50 * MS, true);

        assertThat(debouncer.update(true, 0)).isEmpty();
    }
}
