const safeReference = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/

/**
 * The request id as a support reference, when it looks like one: letters, digits and `._:-`, at most 64
 * characters (UUIDs, `req_...`). Anything else (free text a vendor put there) is never shown.
 */
export const supportReference = (requestId: string | null): string | undefined =>
  requestId !== null && safeReference.test(requestId) ? requestId : undefined
