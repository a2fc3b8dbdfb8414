/**
 * Brings the orders cooperatives keep in spreadsheets (CSV or XLSX uploads from WeChat-group and
 * offline sales) into Jiyun.
 *
 * <p>{@link cn.jiyun.integrations.spreadsheet.OrderSheetReader} turns an uploaded file into
 * canonical orders of platform {@code SPREADSHEET} plus a {@link cn.jiyun.integrations.spreadsheet.RowProblem}
 * for every row it could not take, and refuses a whole file it cannot read with a
 * {@link cn.jiyun.integrations.spreadsheet.SheetRejectedException};
 * {@link cn.jiyun.integrations.spreadsheet.SpreadsheetIntake} delivers the good orders to
 * {@link cn.jiyun.integrations.OrderIntake} and answers with an
 * {@link cn.jiyun.integrations.spreadsheet.UploadReport}; {@link cn.jiyun.integrations.spreadsheet.OrderSheetTemplate}
 * is the file the upload page offers. Sheets carry no buyer names, phones or addresses: such
 * columns are ignored and never stored.
 */
package cn.jiyun.integrations.spreadsheet;
