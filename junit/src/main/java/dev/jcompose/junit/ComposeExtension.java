package dev.jcompose.junit;

import dev.jcompose.api.ComposeStack;
import dev.jcompose.api.ComposeStackBuilder;
import dev.jcompose.api.WaitStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link Compose} does: before all tests of a class, the stacks it declares are swept of leftovers, built and
 * brought up; after all, taken down. A failing test's message gets the last log lines of every container that failed
 * or is unhealthy. A shutdown hook takes the stacks down when the JVM ends before the class does.
 */
public final class ComposeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ComposeExtension.class);

    /** The stacks of one test class, and the hook that takes them down if the JVM ends first. */
    private static final class Stacks {
        final List<ComposeStack> all = new ArrayList<>();
        ComposeStack ofClass;
        Thread hook;
        int logLines = 50;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        Stacks stacks = new Stacks();
        context.getStore(NS).put(testClass, stacks);
        stacks.hook = new Thread(() -> stacks.all.forEach(ComposeExtension::closeQuietly), "jcompose-junit-shutdown");
        Runtime.getRuntime().addShutdownHook(stacks.hook);
        var onClass = AnnotationSupport.findAnnotation(testClass, Compose.class);
        if (onClass.isPresent()) {
            stacks.logLines = onClass.get().logLines();
            stacks.ofClass = start(onClass.get(), stacks);
        }
        for (Field f : AnnotationSupport.findAnnotatedFields(testClass, Compose.class)) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != ComposeStack.class) {
                throw new ExtensionConfigurationException("@Compose field " + f.getName() + " of " + testClass.getName()
                        + " must be a static ComposeStack");
            }
            Compose compose = f.getAnnotation(Compose.class);
            stacks.logLines = compose.logLines();
            ComposeStack stack = start(compose, stacks);
            f.setAccessible(true);
            f.set(null, stack);
        }
    }

    private static ComposeStack start(Compose compose, Stacks stacks) {
        ComposeStack stack = builder(compose).build();
        stack.sweepLeftovers();
        stacks.all.add(stack);
        return stack.up();
    }

    /** The builder an annotation describes: its files, profiles, variables and waits; a unique project name always. */
    static ComposeStackBuilder builder(Compose compose) {
        ComposeStackBuilder b = ComposeStack.builder().uniqueProjectName()
                .waitTimeout(Duration.ofSeconds(compose.waitTimeoutSeconds()));
        for (String f : compose.files()) b.file(Path.of(f));
        for (String p : compose.profiles()) b.profile(p);
        for (String kv : compose.env()) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new ExtensionConfigurationException("@Compose env \"" + kv + "\" is not NAME=value");
            b.env(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (compose.randomHostPorts()) b.randomHostPorts();
        if (compose.stopTimeoutSeconds() >= 0) b.stopTimeout(Duration.ofSeconds(compose.stopTimeoutSeconds()));
        for (WaitFor w : compose.waitFor()) b.waitFor(w.service(), strategy(w));
        return b;
    }

    static WaitStrategy strategy(WaitFor w) {
        int given = (w.listening() > 0 ? 1 : 0) + (w.http().isEmpty() ? 0 : 1) + (w.log().isEmpty() ? 0 : 1);
        if (given != 1) {
            throw new ExtensionConfigurationException("@WaitFor(service = \"" + w.service()
                    + "\") needs exactly one of listening, http (with port) or log; it has " + given);
        }
        if (w.listening() > 0) return WaitStrategy.listening(w.listening());
        if (!w.log().isEmpty()) return WaitStrategy.log(w.log());
        if (w.port() <= 0) throw new ExtensionConfigurationException("@WaitFor(service = \"" + w.service() + "\", http = ...) needs port");
        return new WaitStrategy.HttpStatus(w.port(), w.http(), w.status());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Stacks stacks = context.getStore(NS).remove(context.getRequiredTestClass(), Stacks.class);
        if (stacks == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(stacks.hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook does it
        }
        RuntimeException first = null;
        for (ComposeStack s : stacks.all) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ComposeStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Stacks stacks = stacks(extension);
        if (stacks == null || stacks.all.isEmpty()) {
            throw new ExtensionConfigurationException("a ComposeStack parameter needs @Compose on the test class or on a static field");
        }
        return stacks.ofClass != null ? stacks.ofClass : stacks.all.get(0);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Stacks stacks = stacks(context);
        StringBuilder report = new StringBuilder();
        if (stacks != null) {
            for (ComposeStack s : stacks.all) {
                try {
                    report.append(s.failureReport(stacks.logLines));
                } catch (RuntimeException e) {
                    report.append("(the logs of stack ").append(s.projectName()).append(" could not be read: ").append(e.getMessage()).append(")\n");
                }
            }
        }
        if (report.length() == 0) throw failure;
        throw new AssertionError(failure + "\n\nContainers of the stack that failed or are unhealthy:\n" + report, failure);
    }

    private static Stacks stacks(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isEmpty()) continue;
            Stacks s = c.getStore(NS).get(c.getRequiredTestClass(), Stacks.class);
            if (s != null) return s;
        }
        return null;
    }

    private static void closeQuietly(ComposeStack stack) {
        try {
            stack.close();
        } catch (RuntimeException e) {
            System.err.println("jcompose: taking stack " + stack.projectName() + " down at exit failed: " + e.getMessage());
        }
    }
}
