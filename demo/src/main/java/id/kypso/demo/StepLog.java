package id.kypso.demo;

import java.io.PrintStream;

/** Where a demo run reports its steps: the console for the program, nothing for the test. */
public interface StepLog {

    /** Starts a numbered step, such as "1. Provisioning". */
    void step(String title);

    /** Reports one thing that happened within the current step. */
    void detail(String text);

    static StepLog printingTo(PrintStream out) {
        return new StepLog() {
            @Override
            public void step(String title) {
                out.println();
                out.println("== " + title);
            }

            @Override
            public void detail(String text) {
                out.println("   " + text);
            }
        };
    }

    static StepLog silent() {
        return new StepLog() {
            @Override
            public void step(String title) {
            }

            @Override
            public void detail(String text) {
            }
        };
    }
}
