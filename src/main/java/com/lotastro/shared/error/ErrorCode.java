package com.lotastro.shared.error;

/**
 * Every error the API answers with. The {@link #code()} is part of the contract: callers branch on it,
 * so a code is never renamed or reused.
 */
public enum ErrorCode {
    MALFORMED_JSON("malformed_json", "Malformed JSON"),
    INVALID_PARAMETER("invalid_parameter", "Invalid parameter"),
    INVALID_CURSOR("invalid_cursor", "Invalid cursor"),
    UNAUTHENTICATED("unauthenticated", "Authentication required"),
    INSUFFICIENT_SCOPE("insufficient_scope", "Insufficient scope"),
    NOT_FOUND("not_found", "Not found"),
    METHOD_NOT_ALLOWED("method_not_allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not_acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload_too_large", "Request body too large"),
    URI_TOO_LONG("uri_too_long", "Request URI too long"),
    VALIDATION_FAILED("validation_failed", "The request is invalid"),
    UNKNOWN_CATALOG_ITEM("unknown_catalog_item", "Unknown catalog item"),
    DUPLICATE_CATALOG_ITEM("duplicate_catalog_item", "Catalog item already exists"),
    DUPLICATE_LOT_NUMBER("duplicate_lot_number", "Lot number already used"),
    DUPLICATE_BARCODE("duplicate_barcode", "Barcode already used"),
    INSUFFICIENT_ROLL_METERS("insufficient_roll_meters", "Not enough meters on the roll"),
    CONCURRENT_MODIFICATION("concurrent_modification", "Changed by someone else"),
    DUPLICATE_SUPPLY_REQUEST("duplicate_supply_request", "Supply request already mirrored"),
    INVALID_TRANSITION("invalid_transition", "Transition not allowed"),
    UNKNOWN_SUPPLY_REQUEST("unknown_supply_request", "Unknown supply request"),
    INSUFFICIENT_STOCK("insufficient_stock", "Not enough stock"),
    RESERVATION_NOT_ACTIVE("reservation_not_active", "Reservation is not active"),
    RESERVATION_BLOCKED("reservation_blocked", "Reservation awaits a shortage decision"),
    ALLOCATION_EXCEEDS_LINE("allocation_exceeds_line", "More than the line needs"),
    SUPPLY_NOT_ARRIVED("supply_not_arrived", "Supply has not arrived"),
    PLAN_EXCEEDS_ARRIVAL("plan_exceeds_arrival", "Plan exceeds what arrived"),
    NO_SHORTAGE_PENDING("no_shortage_pending", "No shortage decision pending"),
    STALE_VERSION("stale_version", "Stale version"),
    PRECONDITION_REQUIRED("precondition_required", "If-Match required"),
    INVALID_SIGNATURE("invalid_signature", "Invalid webhook signature"),
    UNKNOWN_EVENT_TYPE("unknown_event_type", "Unknown event type"),
    UNKNOWN_DEAL("unknown_deal", "Unknown deal"),
    DEAL_ALREADY_RESERVED("deal_already_reserved", "The deal already has an active reservation"),
    PROMISES_UNBACKED("promises_unbacked", "The change would leave promises without stock"),
    STOCK_RULE_VIOLATED("stock_rule_violated", "The change would break a stock rule"),
    INBOUND_DISABLED("inbound_disabled", "Inbound events paused"),
    CRM_UNAVAILABLE("crm_unavailable", "CRM unavailable"),
    CRM_NOT_CONFIGURED("crm_not_configured", "CRM connection not configured"),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", "Idempotency key reused with another request"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS("idempotency_request_in_progress", "A request with this idempotency key is still running"),
    JOB_ALREADY_RUNNING("job_already_running", "Job already running"),
    DATABASE_UNAVAILABLE("database_unavailable", "Database unavailable"),
    SERVER_BUSY("server_busy", "Server busy"),
    RESERVATION_NOT_ALLOCATED("reservation_not_allocated", "Reservation is not allocated"),
    PARTIAL_FULFILMENT_NOT_ALLOWED("partial_fulfilment_not_allowed", "Partial fulfilment not allowed"),
    PICK_OUTSIDE_TOLERANCE("pick_outside_tolerance", "Cut outside the pick tolerance"),
    WEBHOOK_URL_REFUSED("webhook_url_refused", "Webhook URL refused"),
    DUPLICATE_CUSTOMER("duplicate_customer", "A customer with this company key exists"),
    OWNED_BY_CRM("owned_by_crm", "Owned by the CRM"),
    CUSTOMER_ARCHIVED("customer_archived", "Customer is archived"),
    DUPLICATE_COURIER("duplicate_courier", "Courier code already used"),
    PRICE_MISSING("price_missing", "Lines without a unit price"),
    ORDER_ALREADY_INVOICED("order_already_invoiced", "The order already has an invoice"),
    ALLOCATION_EXCEEDS_BALANCE("allocation_exceeds_balance", "More than the invoice balance or the payment's unallocated amount"),
    CURRENCY_MISMATCH("currency_mismatch", "Currencies differ"),
    CUSTOMER_MISMATCH("customer_mismatch", "Customers differ"),
    CREDIT_EXCEEDS_INVOICE("credit_exceeds_invoice", "More credit than the invoice has left"),
    RECEIPT_TYPE_REFUSED("receipt_type_refused", "Receipt is not a PDF, PNG or JPEG file"),
    INTERNAL_ERROR("internal_error", "Internal error");

    private final String code;
    private final String title;

    ErrorCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /**
     * Whether the same request may succeed when simply sent again (a collision, a request still in progress, a
     * server-side failure). Such answers are never kept for an Idempotency-Key.
     */
    public boolean invitesRetry() {
        return this == CONCURRENT_MODIFICATION || this == IDEMPOTENCY_REQUEST_IN_PROGRESS || status() >= 500;
    }

    /** Exhaustive on purpose: a new code does not compile until it is given a status. */
    public int status() {
        return switch (this) {
            case MALFORMED_JSON, INVALID_PARAMETER, INVALID_CURSOR -> 400;
            case UNAUTHENTICATED, INVALID_SIGNATURE -> 401;
            case INSUFFICIENT_SCOPE -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case DUPLICATE_CATALOG_ITEM, DUPLICATE_LOT_NUMBER, DUPLICATE_BARCODE, INSUFFICIENT_ROLL_METERS,
                    CONCURRENT_MODIFICATION, IDEMPOTENCY_REQUEST_IN_PROGRESS, DUPLICATE_SUPPLY_REQUEST, INVALID_TRANSITION,
                    INSUFFICIENT_STOCK, RESERVATION_NOT_ACTIVE, RESERVATION_BLOCKED, ALLOCATION_EXCEEDS_LINE,
                    SUPPLY_NOT_ARRIVED, NO_SHORTAGE_PENDING, CRM_NOT_CONFIGURED, DEAL_ALREADY_RESERVED, PROMISES_UNBACKED,
                    STOCK_RULE_VIOLATED, JOB_ALREADY_RUNNING, RESERVATION_NOT_ALLOCATED, PARTIAL_FULFILMENT_NOT_ALLOWED,
                    DUPLICATE_CUSTOMER, OWNED_BY_CRM, CUSTOMER_ARCHIVED, DUPLICATE_COURIER, ORDER_ALREADY_INVOICED,
                    ALLOCATION_EXCEEDS_BALANCE -> 409;
            case STALE_VERSION -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case PAYLOAD_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case VALIDATION_FAILED, UNKNOWN_CATALOG_ITEM, UNKNOWN_SUPPLY_REQUEST, IDEMPOTENCY_KEY_REUSED, PLAN_EXCEEDS_ARRIVAL,
                    UNKNOWN_EVENT_TYPE, UNKNOWN_DEAL, PICK_OUTSIDE_TOLERANCE, WEBHOOK_URL_REFUSED, PRICE_MISSING, CURRENCY_MISMATCH,
                    CUSTOMER_MISMATCH, CREDIT_EXCEEDS_INVOICE, RECEIPT_TYPE_REFUSED -> 422;
            case INTERNAL_ERROR -> 500;
            case INBOUND_DISABLED, CRM_UNAVAILABLE, DATABASE_UNAVAILABLE, SERVER_BUSY -> 503;
        };
    }
}
