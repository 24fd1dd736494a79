import { recordRows, withColumnMeaning } from "../core/patch/record";
import type { ColumnChoice } from "../taskpane/actions";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher } from "./batch";
import { toAdapterError } from "./errors";
import { RecordReader, RecordWriter } from "./record";

/**
 * Keeps the user's 列对照 for one column on the workbook's record sheet (not in document
 * settings, which are small and Excel's alone), so every later 校验 — in this Excel or another
 * host — reads the column so. Two syncs: the record read, then written back whole.
 */
export async function recordColumnMeaning(choice: ColumnChoice): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, DEFAULT_PAYLOAD_BUDGET, "保存列对照");
      const reader = new RecordReader(context, batcher);
      await reader.queue();
      await batcher.sync();
      const record = await reader.finish();
      const next = withColumnMeaning(record, choice.sheet, choice.title, choice.meaning);
      const writer = new RecordWriter(
        context,
        batcher,
        DEFAULT_PAYLOAD_BUDGET,
        reader.exists,
        reader.rows
      );
      await writer.rewrite(recordRows(next));
      if (batcher.hasPending) await batcher.sync();
    });
  } catch (error) {
    throw toAdapterError(error, "保存列对照", []);
  }
}
