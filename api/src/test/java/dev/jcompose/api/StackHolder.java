package dev.jcompose.api;

import java.nio.file.Path;

/**
 * A JVM that brings a stack up, says its name on stdout, and waits to be killed: what a test run that crashed leaves
 * behind, for the sweep test. Started by {@link ComposeStackEngineTest} in a process of its own.
 */
public final class StackHolder {
    private StackHolder() {}

    public static void main(String[] args) throws InterruptedException {
        ComposeStack stack = ComposeStack.builder().file(Path.of(args[0])).uniqueProjectName().randomHostPorts().build().up();
        System.out.println("UP " + stack.projectName());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
