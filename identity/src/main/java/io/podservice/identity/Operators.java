package io.podservice.identity;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who may call the operator API (nodes): the accounts named in {@code pod.operators}. They sign
 * requests like any caller, with their own access keys; a tenant's key is refused with 403.
 */
@Component
public class Operators {

    private final Accounts accounts;
    private final Set<String> names;
    private final Set<String> operatorIds = ConcurrentHashMap.newKeySet();

    Operators(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.names = Set.copyOf(properties.getOperators());
    }

    /** Refuses the current request unless its caller's account is an operator's. */
    public void requireOperator() {
        String accountId = Caller.current().accountId();
        if (operatorIds.contains(accountId)) {
            return;
        }
        if (accounts.nameOf(accountId).filter(names::contains).isPresent()) {
            operatorIds.add(accountId);
            return;
        }
        throw new ApiException(ErrorStatus.PERMISSION_DENIED, "The operator API needs an operator's access key: account "
                + accountId + " is not among pod.operators");
    }
}
