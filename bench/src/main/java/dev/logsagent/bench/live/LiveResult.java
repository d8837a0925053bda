package dev.logsagent.bench.live;

/** One run of a live bench, as {@link LiveBenchMain} prints it and judges it. */
interface LiveResult {
    Delivery delivery();

    RunEnding ending();

    /** Every line sent arrived and nothing went wrong: the bench exits 0. */
    default boolean clean() {
        return delivery().lost() == 0 && ending().error() == null;
    }
}
