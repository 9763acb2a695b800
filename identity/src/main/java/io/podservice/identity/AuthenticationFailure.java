package io.podservice.identity;

/** Why a request is not authenticated; answered as 401 UNAUTHENTICATED with this message. */
class AuthenticationFailure extends RuntimeException {

    AuthenticationFailure(String message) {
        super(message);
    }
}
