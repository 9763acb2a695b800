package io.podservice.api.web;

/** The API's paging parameters, checked: pageNumber from 1, pageSize in [10, 100]. */
public record Paging(int pageNumber, int pageSize) {

    public Paging {
        if (pageNumber < 1) {
            throw ApiException.invalidArgument("Invalid pageNumber: must be 1 or more, got " + pageNumber);
        }
        if (pageSize < 10 || pageSize > 100) {
            throw ApiException.invalidArgument("Invalid pageSize: must be between 10 and 100, got " + pageSize);
        }
    }

    public long offset() {
        return (long) (pageNumber - 1) * pageSize;
    }
}
