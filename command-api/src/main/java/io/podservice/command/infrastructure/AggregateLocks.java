package io.podservice.command.infrastructure;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One command at a time per aggregate across every command-api instance: before a command's
 * aggregate is loaded, its transaction takes a PostgreSQL advisory lock on the aggregate's id,
 * held until the transaction ends.
 *
 * <p>Axon locks an aggregate only inside one JVM. Two instances sharing the event store would both
 * load a pod at sequence n, and the second to commit would find n+1 taken: a
 * {@code ConcurrencyException}, a 500 for a plain stopPod that raced a startPod sent to the other
 * instance. Retrying the command is not enough here, because most services send their commands
 * inside a transaction of their own (quota rows, indexes), which the conflict has already doomed.
 * With the lock, the second command waits for the first to commit and is then decided on the
 * aggregate as the first left it. Axon's distributed command bus (routing each aggregate to one
 * instance) would need Axon Server or a Spring Cloud registry, neither of which this deployment has;
 * the database every instance already shares serialises them instead (docs/architecture.md).
 *
 * <p>The lock is transaction-scoped ({@code pg_advisory_xact_lock}), in a key space of its own (the
 * two-key form with {@link #LOCK_SPACE}); commands whose target the command does not name (creations)
 * take none: their aggregate cannot be loaded by anyone yet, and a duplicate create fails on the event
 * store's key as before.
 */
@Component
public class AggregateLocks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(AggregateLocks.class);
    static final int LOCK_SPACE = 0x505303;

    private final JdbcTemplate jdbc;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final AtomicBoolean warned = new AtomicBoolean();

    AggregateLocks(JdbcTemplate jdbc, CommandBus commandBus) {
        this.jdbc = jdbc;
        // after the bus's transaction interceptor (registered when the bus was built): the lock is the transaction's
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        target(unitOfWork.getMessage()).ifPresent(this::lock);
        return chain.proceed();
    }

    private java.util.Optional<String> target(CommandMessage<?> command) {
        try {
            return java.util.Optional.ofNullable(targets.resolveTarget(command).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            return java.util.Optional.empty();
        }
    }

    private void lock(String aggregateId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() && warned.compareAndSet(false, true)) {
            log.warn("a command on {} runs outside a transaction: the aggregate lock would end at once", aggregateId);
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, aggregateId);
    }
}
