package dev.jcompose.planner;

/** The project cannot be brought about from this state (a dependency cycle, an external network missing...). */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
