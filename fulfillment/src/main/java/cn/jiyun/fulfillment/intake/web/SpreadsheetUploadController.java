package cn.jiyun.fulfillment.intake.web;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.spreadsheet.OrderSheetTemplate;
import cn.jiyun.integrations.spreadsheet.SheetRejectedException;
import cn.jiyun.integrations.spreadsheet.SpreadsheetIntake;
import cn.jiyun.integrations.spreadsheet.UploadReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Orders from spreadsheets (WeChat groups, offline sales): upload a CSV or XLSX for a spreadsheet
 * shop; good rows become orders, every bad row comes back with its row number and reason.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Intake")
class SpreadsheetUploadController {

    private final SpreadsheetIntake spreadsheets;
    private final OrderSheetTemplate template;
    private final ShopService shops;

    SpreadsheetUploadController(SpreadsheetIntake spreadsheets, OrderSheetTemplate template, ShopService shops) {
        this.spreadsheets = spreadsheets;
        this.template = template;
        this.shops = shops;
    }

    @PostMapping(path = "/shops/{id}/order-sheets", consumes = "multipart/form-data")
    @Operation(summary = "Upload a CSV or XLSX of orders for a SPREADSHEET shop; the report names every bad row")
    UploadReport upload(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                        @RequestParam("file") MultipartFile file) throws IOException {
        Shop shop = shops.get(user.cooperativeId(), id);
        if (shop.platform() != Platform.SPREADSHEET) {
            throw new InvalidFieldException("id", "shop " + id + " is a " + shop.platform()
                    + " shop; its orders come from the platform. Upload sheets to a SPREADSHEET shop.");
        }
        return spreadsheets.upload(shop.platformShopId(), file.getOriginalFilename(), file.getContentType(),
                file.getInputStream());
    }

    @GetMapping("/order-sheets/template.csv")
    ResponseEntity<byte[]> csvTemplate() {
        return download(template.csv(), OrderSheetTemplate.CSV_FILE_NAME, OrderSheetTemplate.CSV_CONTENT_TYPE);
    }

    @GetMapping("/order-sheets/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate() {
        return download(template.xlsx(), OrderSheetTemplate.XLSX_FILE_NAME, OrderSheetTemplate.XLSX_CONTENT_TYPE);
    }

    @ExceptionHandler(SheetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(SheetRejectedException e) {
        HttpStatus status = e.refusal() == SheetRejectedException.Refusal.TOO_LARGE
                ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.reason());
        problem.setTitle("The sheet cannot be read");
        problem.setProperty("refusal", e.refusal().name());
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<byte[]> download(byte[] content, String fileName, String contentType) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
