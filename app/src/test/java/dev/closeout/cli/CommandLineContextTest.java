package dev.closeout.cli;

import dev.closeout.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.scheduling.annotation.Scheduled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A command's context lives for one command: nothing in it may be scheduled. Micronaut sets up the scheduled
 * methods of a new context on another thread; a command done first closes the context under that thread, which
 * then printed "No scheduler of type TaskScheduler configured" errors into the command's output now and then.
 */
class CommandLineContextTest {

    @Test
    void aCommandsContextSchedulesNothing() {
        try (ApplicationContext context = ApplicationContext.builder().banner(false)
                .environments(CloseoutCommand.CLI_ENVIRONMENT).properties(new java.util.HashMap<>(
                        TestDatabase.properties())).start()) {
            List<String> scheduled = context.getAllBeanDefinitions().stream()
                    .filter(definition -> definition.getExecutableMethods().stream()
                            .anyMatch(method -> method.hasStereotype(Scheduled.class)))
                    .filter(definition -> context.containsBean(definition.getBeanType()))
                    .map(BeanDefinition::getBeanType).map(Class::getName).toList();

            assertEquals(List.of(), scheduled);
        }
    }
}
