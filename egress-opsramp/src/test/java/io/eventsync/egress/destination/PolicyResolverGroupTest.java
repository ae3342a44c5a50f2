package io.eventsync.egress.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

class PolicyResolverGroupTest {

    @Test
    void aNameIsConnectedToOnlyAtAnAddressThePolicyAllowsForIt() throws Exception {
        AddressResolver<InetSocketAddress> resolver = new PolicyResolverGroup(
                new EgressPolicy(List.of("localhost:8091")), Schedulers.immediate())
                .getResolver(ImmediateEventExecutor.INSTANCE);

        Future<InetSocketAddress> allowed = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 8091))
                .await();
        Future<InetSocketAddress> refused = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 8082))
                .await();

        assertThat(allowed.isSuccess()).isTrue();
        assertThat(allowed.getNow().getAddress().isLoopbackAddress()).isTrue();
        assertThat(allowed.getNow().getPort()).isEqualTo(8091);
        assertThat(refused.isSuccess()).isFalse();
        assertThat(refused.cause()).isInstanceOf(PolicyResolverGroup.RefusedAddressException.class)
                .hasMessageContaining("egress policy");
    }

    @Test
    void everyAddressIsJudgedWhenAllAreAskedFor() throws Exception {
        AddressResolver<InetSocketAddress> resolver = new PolicyResolverGroup(EgressPolicy.open(),
                Schedulers.immediate()).getResolver(ImmediateEventExecutor.INSTANCE);

        Future<List<InetSocketAddress>> all = resolver.resolveAll(InetSocketAddress.createUnresolved("localhost", 80))
                .await();

        assertThat(all.isSuccess()).as("loopback is not allowlisted").isFalse();
    }
}
