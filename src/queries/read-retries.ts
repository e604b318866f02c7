/**
 * Reads that failed for a passing reason (network, timeout, rate limit, 5xx) are asked again this
 * often. The app's query client (src/app/query-client.ts) and the reads with a retry rule of their
 * own (e.g. `retryLinkedItemRead`) share it; it lives here, below the shell, so neither reaches up.
 */
export const READ_RETRIES = 2;
