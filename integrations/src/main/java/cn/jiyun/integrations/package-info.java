/**
 * Brings livestream-platform orders into Jiyun and writes waybills back to the platforms.
 *
 * <p>This package is the whole contract with the rest of Jiyun: the canonical order, the
 * intake that stores it ({@link cn.jiyun.integrations.OrderIntake}), the shop accounts the
 * connectors act for ({@link cn.jiyun.integrations.ShopAccounts}), the connector each
 * platform package provides ({@link cn.jiyun.integrations.PlatformConnector}) and the way into
 * its sync route ({@link cn.jiyun.integrations.PlatformSync}). What every connector shares is
 * written once in {@link cn.jiyun.integrations.sync}; nothing platform-specific leaves the
 * platform packages.
 */
package cn.jiyun.integrations;
