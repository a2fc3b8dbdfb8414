package cn.jiyun.fulfillment.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A headless Chromium driven through Debian's chromedriver (installed by scripts/browser-for-tests.sh),
 * pointed at a running service. The binaries are named explicitly, so Selenium never tries to
 * download a driver. Screenshots go to target/screenshots, and also to the folder named by the
 * system property {@code jiyun.screenshots} (the README's pictures in docs/ are made that way).
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens a fresh browser (own cookies, own session) for a service on localhost:port. */
    public static Browser open(int port, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("JIYUN_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=zh-CN", "--no-first-run",
                "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("JIYUN_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /** Logs in through the login form, as a person would. */
    public void logIn(String username, String password) {
        go("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    public WebElement find(By by) {
        return waitUntil(d -> {
            try {
                var found = d.findElements(by);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            } catch (WebDriverException navigating) {
                // the page is being replaced (a link or a form was followed): look again on the next one
                return null;
            }
        });
    }

    /** Clicks a button that submits a form or follows a link, and waits until the next page replaced this one. */
    public void submit(By button) {
        // a mark on this page's window: the next page starts without it
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.jiyunPageBefore = true;");
        find(button).click();
        waitUntil(d -> {
            try {
                return Boolean.FALSE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.jiyunPageBefore === true || document.readyState !== 'complete';"));
            } catch (WebDriverException navigating) {
                // Chromium may answer mid-navigation that the old document is gone: look again
                return false;
            }
        });
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return waitUntil(Duration.ofSeconds(30), condition);
    }

    public <T> T waitUntil(Duration timeout, ExpectedCondition<T> condition) {
        // pages reload themselves (a plan that finished solving), so an element may go stale between two looks
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** What the logged-in person gets at {@code path} (a PDF a link opens, say), fetched with this browser's cookies. */
    public byte[] fetch(String path) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                            .header("Cookie", cookies).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the page as it is now. */
    public Path screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = Files.write(dir.resolve(name + ".png"), png);
            String docs = System.getProperty("jiyun.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.copy(file, Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
