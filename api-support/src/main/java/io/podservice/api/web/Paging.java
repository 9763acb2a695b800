package io.podservice.api.web;

/**
 * The API's paging parameters, checked: pageNumber from 1, pageSize in [10, 100] (JD Cloud's range
 * for its list operations), or up to another maximum where JD Cloud allows one (describePodsStatus: 500).
 */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;

    private final int pageNumber;
    private final int pageSize;

    public Paging(int pageNumber, int pageSize) {
        this(pageNumber, pageSize, MAX_PAGE_SIZE);
    }

    public Paging(int pageNumber, int pageSize, int maxPageSize) {
        if (pageNumber < 1) {
            throw ApiException.invalidArgument("Invalid pageNumber: must be 1 or more, got " + pageNumber);
        }
        if (pageSize < 10 || pageSize > maxPageSize) {
            throw ApiException.invalidArgument("Invalid pageSize: must be between 10 and " + maxPageSize + ", got "
                    + pageSize);
        }
        this.pageNumber = pageNumber;
        this.pageSize = pageSize;
    }

    public int pageNumber() {
        return pageNumber;
    }

    public int pageSize() {
        return pageSize;
    }

    public long offset() {
        return (long) (pageNumber - 1) * pageSize;
    }
}
