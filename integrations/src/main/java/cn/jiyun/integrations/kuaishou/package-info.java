/**
 * Brings Kuaishou Shop (快手小店) orders into Jiyun and writes waybills back to Kuaishou.
 *
 * <p>Everything Kuaishou-specific stays here: the request signer, the API client with its
 * envelope, error codes and rotating OAuth refresh, the wire DTOs, the mapper to
 * {@link cn.jiyun.integrations.CanonicalOrder}, the webhook cipher and the Camel routes.
 */
package cn.jiyun.integrations.kuaishou;
