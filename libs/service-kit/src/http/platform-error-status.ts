import { HttpStatus } from '@nestjs/common';
import { PlatformErrorCode } from '@metrochain/contracts';

/** The status of each code the platform answers with (docs/identity.md, "Errors"). */
export const PLATFORM_ERROR_STATUS: Readonly<Record<PlatformErrorCode, HttpStatus>> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  ACCESS_FORBIDDEN: HttpStatus.FORBIDDEN,
  CSRF_REQUIRED: HttpStatus.FORBIDDEN,
  NMI_FORBIDDEN: HttpStatus.FORBIDDEN,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  REQUEST_INVALID: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The platform code for a status that Nest or Fastify raised without a code of ours. */
export function platformCodeOfStatus(status: number): PlatformErrorCode {
  switch (status) {
    case 401:
      return PlatformErrorCode.UNAUTHENTICATED;
    case 403:
      return PlatformErrorCode.ACCESS_FORBIDDEN;
    case 404:
      return PlatformErrorCode.ROUTE_NOT_FOUND;
    case 413:
      return PlatformErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return PlatformErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 429:
      return PlatformErrorCode.RATE_LIMITED;
    default:
      return status >= 400 && status < 500 ? PlatformErrorCode.REQUEST_INVALID : PlatformErrorCode.INTERNAL;
  }
}
