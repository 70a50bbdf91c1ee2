import { loadConfig } from '../src/server/config';
import { LocalFileStore } from '../src/server/lib/files/local';
import { S3FileStore } from '../src/server/lib/files/s3';
import { copyStore } from '../src/server/lib/files/transfer';

/**
 * `npm run files:to-s3`: copies an install's files (DATA_DIR/files, library, private) into the S3 bucket configured by
 * S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY, under the same keys, then reads each back and checks its
 * SHA-256. Safe to run again (identical objects are skipped) and while the app still serves from disk; the local
 * files are left in place: delete them once the app runs on the bucket. Exit code 1 when any file did not verify.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.s3) throw new Error('chưa cấu hình kho S3: đặt S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY');
  const bucket = new S3FileStore(config.s3);
  await bucket.init();
  const report = await copyStore(new LocalFileStore(config.dataDir), bucket);
  console.log(
    `Đã chép ${report.copied} tệp từ ${config.dataDir} vào bucket «${config.s3.bucket}», ${report.present} tệp đã có sẵn ` +
      `(tổng ${report.hashes.size} tệp, đã kiểm tra mã băm từng tệp).`,
  );
  if (report.problems.length > 0) {
    throw new Error(`${report.problems.length} tệp lỗi: ${report.problems.slice(0, 5).join('; ')}`);
  }
}

main().catch((error: Error) => {
  console.error(`Chuyển tệp lên kho S3 thất bại: ${error.message}`);
  process.exit(1);
});
