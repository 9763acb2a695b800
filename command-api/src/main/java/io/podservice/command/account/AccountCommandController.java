package io.podservice.command.account;

import io.podservice.api.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator API's account operations (not part of JD Cloud's pod API): signed with an operator's key. */
@RestController
class AccountCommandController {

    private static final String ACCOUNT = "/v1/accounts/{accountId}";

    private final AccountOperations operations;

    AccountCommandController(AccountOperations operations) {
        this.operations = operations;
    }

    record Verification(boolean verified) {
    }

    record Listing(boolean listed) {
    }

    record Protection(boolean enabled) {
    }

    record TopUp(java.math.BigDecimal amount) {
    }

    record NewAccount(String name) {
    }

    @Operation(operationId = "createAccount", summary = "Create a tenant account (operators only)")
    @PostMapping("/v1/accounts")
    ApiResponse<AccountOperations.CreatedAccount> createAccount(@RequestBody NewAccount request) {
        return ApiResponse.of(operations.createAccount(request.name()));
    }

    @Operation(operationId = "createAccessKey", summary = "Give the account a new access key; its secret is shown once "
            + "(operators only)")
    @PostMapping(ACCOUNT + ":createAccessKey")
    ApiResponse<AccountOperations.CreatedAccessKey> createAccessKey(@PathVariable String accountId) {
        return ApiResponse.of(operations.createAccessKey(accountId));
    }

    @Operation(operationId = "topUpAccount", summary = "Pay money into the account's balance (operators only)")
    @PostMapping(ACCOUNT + ":topUp")
    ApiResponse<Void> topUp(@PathVariable String accountId, @RequestBody TopUp request) {
        operations.topUp(accountId, request.amount());
        return ApiResponse.empty();
    }

    @Operation(operationId = "describeAccountStanding", summary = "An account's standing (operators only)")
    @GetMapping(ACCOUNT)
    ApiResponse<Map<String, AccountOperations.StandingView>> describe(@PathVariable String accountId) {
        return ApiResponse.of(Map.of("account", operations.describe(accountId)));
    }

    @Operation(operationId = "setRealNameVerification", summary = "Mark the account real-name verified or not (operators only)")
    @PostMapping(ACCOUNT + ":setRealNameVerification")
    ApiResponse<Void> realName(@PathVariable String accountId, @RequestBody Verification request) {
        operations.setRealNameVerification(accountId, request.verified());
        return ApiResponse.empty();
    }

    @Operation(operationId = "setElasticIpBlacklist", summary = "Put the account on the elastic IP blacklist or take it off (operators only)")
    @PostMapping(ACCOUNT + ":setElasticIpBlacklist")
    ApiResponse<Void> blacklist(@PathVariable String accountId, @RequestBody Listing request) {
        operations.setElasticIpBlacklist(accountId, request.listed());
        return ApiResponse.empty();
    }

    @Operation(operationId = "enrollMfa", summary = "Give the account a new MFA device; its otpauth URI is shown once (operators only)")
    @PostMapping(ACCOUNT + ":enrollMfa")
    ApiResponse<Map<String, String>> enrollMfa(@PathVariable String accountId) {
        return ApiResponse.of(Map.of("otpauthUri", operations.enrollMfa(accountId)));
    }

    @Operation(operationId = "setOperationProtection", summary = "Require MFA codes for sensitive operations, or not (operators only)")
    @PostMapping(ACCOUNT + ":setOperationProtection")
    ApiResponse<Void> protection(@PathVariable String accountId, @RequestBody Protection request) {
        operations.setOperationProtection(accountId, request.enabled());
        return ApiResponse.empty();
    }
}
