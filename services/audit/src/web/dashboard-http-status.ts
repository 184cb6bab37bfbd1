import { HttpStatus } from '@nestjs/common';
import { DashboardErrorCode, ReceiptErrorCode } from '@metrochain/contracts';

/** Statuses of the dashboard's and receipt page's own codes (merged into the audit service's table). */
export const DASHBOARD_HTTP_STATUS: Readonly<Record<string, HttpStatus>> = {
  [DashboardErrorCode.BLOCK_UNKNOWN]: HttpStatus.NOT_FOUND,
  [DashboardErrorCode.TRANSACTION_UNKNOWN]: HttpStatus.NOT_FOUND,
  [DashboardErrorCode.SEARCH_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DashboardErrorCode.VERIFICATION_UNKNOWN]: HttpStatus.NOT_FOUND,
  [DashboardErrorCode.VERIFICATION_UNREACHABLE]: HttpStatus.BAD_GATEWAY,
  // Schema-valid (a string) but not a receipt: refused on its content, hence 422 (400 is for schema violations).
  [ReceiptErrorCode.RECEIPT_MALFORMED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ReceiptErrorCode.METER_UNKNOWN]: HttpStatus.NOT_FOUND,
};
