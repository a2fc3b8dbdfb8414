package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;

/**
 * A connector whose shop sync is the {@link WindowedSync}: the platform says only how one window of a shop's
 * orders is read, page by page, and how a waybill is written back.
 */
public abstract class WindowedConnector implements PlatformConnector, WindowedSync.WindowReader {

    private final WindowedSync windows;

    protected WindowedConnector(WindowedSync windows) {
        this.windows = windows;
    }

    @Override
    public final Platform platform() {
        return windows.platform();
    }

    @Override
    public SyncReport synchronise(ShopAccount shop) {
        return windows.synchronise(shop, this);
    }
}
