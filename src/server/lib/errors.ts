/** Every error the API returns on purpose has a code; the code decides the HTTP status and the message. */
export const errorCatalog = {
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  INVALID_JSON: { status: 400, vi: 'Dữ liệu gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  FILE_TOO_LARGE: { status: 413, vi: '«Tệp» quá lớn: tối đa {max} MB', en: 'The file is too large (at most {max} MB)' },
  UNSUPPORTED_MEDIA: { status: 415, vi: 'Định dạng dữ liệu gửi lên không được hỗ trợ', en: 'Unsupported content type' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập để tiếp tục', en: 'Please log in' },
  BAD_CREDENTIALS: { status: 401, vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong e-mail or password' },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên', en: 'This account is disabled' },
  LOGIN_RATE_LIMITED: {
    status: 429,
    vi: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút',
    en: 'Too many failed log-ins. Try again in {minutes} minutes',
  },
  VENUE_SIGN_RATE_LIMITED: {
    status: 429,
    vi: 'Đã nhập sai mã PIN hoặc mật khẩu quá nhiều lần. Vui lòng thử lại sau {minutes} phút',
    en: 'Too many wrong PINs or passwords. Try again in {minutes} minutes',
  },
  CSRF: { status: 403, vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang', en: 'Invalid CSRF token; reload the page' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  SELF_APPROVAL: {
    status: 403,
    vi: 'Bạn đã lập hoặc gửi duyệt kế hoạch này nên không thể tự duyệt. Kế hoạch cần được duyệt bởi {reviewer}',
    en: 'You created or submitted this plan and cannot approve it yourself; it must be approved by {reviewer}',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy {entity}', en: '{entity} not found' },
  DUPLICATE: { status: 409, vi: '{field} đã tồn tại', en: '{field} already exists' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đang được sử dụng, không thể thực hiện', en: 'The record is in use' },
  WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  MINUTES_LOCKED: {
    status: 409,
    vi: 'Biên bản đã được ký đủ và khóa, không thể thay đổi. Hãy lập phụ lục đính chính nếu cần',
    en: 'The minutes are signed and locked; add a signed addendum instead',
  },
  MINUTES_SIGNING: {
    status: 409,
    vi: 'Biên bản đang được ký: không thể thay đổi buổi sinh hoạt, danh sách mời, điểm danh, tệp đính kèm hay nội dung biên bản',
    en: 'The minutes are out for signing; the meeting, its invitations, attendance, attachments and text can no longer change',
  },
  IMPORT_LIMIT: {
    status: 413,
    vi: 'Tệp «{file}» vượt quá giới hạn {limit} mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
    en: 'The file «{file}» exceeds the limit of {limitEn} per import; split it into smaller files',
  },
  INVALID_STATE: { status: 409, vi: '{message}', en: '{message}' },
  CHECKIN_CODE_EXPIRED: {
    status: 403,
    vi: 'Mã QR đã hết hạn, hãy quét lại mã đang hiển thị trên màn hình của thư ký',
    en: "This QR code has expired; scan the code now shown on the secretary's screen",
  },
  STORAGE_FULL: {
    status: 507,
    vi: 'Máy chủ đã hết dung lượng lưu trữ nên chưa lưu được tệp. Vui lòng báo quản trị viên',
    en: 'The server is out of storage space; the file was not saved',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút',
    en: 'The database is temporarily unavailable; please retry in a moment',
  },
  SIGNED_DOCUMENT_IMMUTABLE: {
    status: 409,
    vi: 'Văn bản đã ký số không thể thay đổi hay xóa',
    en: 'A digitally signed document never changes and is never deleted',
  },
  PDF_UNAVAILABLE: { status: 503, vi: '{message}', en: 'The PDF could not be produced: {message}' },
  INTERNAL: { status: 500, vi: 'Đã có lỗi hệ thống, vui lòng thử lại', en: 'Internal error, please retry' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** One problem with one input field; `field` is the path ("name", "terms.0.startDate"), message is Vietnamese. */
export interface FieldError {
  field: string;
  message: string;
}

/** The only error class the app throws on purpose. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, opts: { params?: Record<string, string | number>; fields?: FieldError[] } = {}) {
    super(code);
    this.code = code;
    this.status = errorCatalog[code].status;
    this.params = opts.params ?? {};
    this.fields = opts.fields ?? [];
  }
}

/** Fills {placeholders} of the code's message in the given language. */
export function errorMessage(code: ErrorCode, params: Record<string, string | number>, lang: 'vi' | 'en' = 'vi'): string {
  return errorCatalog[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A validation error about one field, with its Vietnamese message. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', { fields: [{ field, message }] });
}

/** Shorthand for a 404 naming the kind of record in Vietnamese ("đơn vị", "tài khoản"…). */
export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', { params: { entity } });
}
