package io.eventsync.egress.destination;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import reactor.core.scheduler.Scheduler;

/**
 * The name resolver of egress's HTTP client: it judges, with the egress policy, the very addresses
 * a connection is about to be made to. Judging a host's addresses before the request and letting
 * the client resolve the name again leaves a window a short-lived DNS answer fits through (DNS
 * rebinding: public when judged, 127.0.0.1 when connected); a name that did not resolve when
 * judged would not be judged at all. Here there is one resolution, and what it returns is what is
 * judged and connected to, for every call the client makes (targets, token endpoints, hooks).
 *
 * <p>Names are resolved with the JDK's resolver (as the policy's own checks are), on
 * {@code blocking}, never on an event loop. An IP literal needs no resolution and does not come
 * here; the URL's own judgement ({@link EgressPolicy#refusalOf(java.net.URI)}) covers it.
 */
public final class PolicyResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final EgressPolicy policy;
    private final Scheduler blocking;

    public PolicyResolverGroup(EgressPolicy policy, Scheduler blocking) {
        this.policy = policy;
        this.blocking = blocking;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Resolver(executor);
    }

    /** A connection the policy refuses; the call fails as one without an answer would. */
    public static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String host, InetAddress address, String reason) {
            super(host + " resolved to " + address.getHostAddress() + ": egress policy: " + reason);
        }
    }

    private final class Resolver extends AbstractAddressResolver<InetSocketAddress> {

        Resolver(EventExecutor executor) {
            super(executor, InetSocketAddress.class);
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return !address.isUnresolved();
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            blocking.schedule(() -> {
                try {
                    promise.trySuccess(new InetSocketAddress(allowed(unresolved).get(0), unresolved.getPort()));
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            blocking.schedule(() -> {
                try {
                    promise.trySuccess(allowed(unresolved).stream()
                            .map(address -> new InetSocketAddress(address, unresolved.getPort())).toList());
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }

        /** Every address the name has, when the policy allows every one (as the check before the request does). */
        private List<InetAddress> allowed(InetSocketAddress unresolved) throws UnknownHostException {
            String host = unresolved.getHostString();
            List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
            for (InetAddress address : addresses) {
                Optional<String> refusal = policy.refusalOf(address, host, unresolved.getPort());
                if (refusal.isPresent()) {
                    throw new RefusedAddressException(host, address, refusal.get());
                }
            }
            return addresses;
        }
    }
}
