import { ImportFileError, readCsvTable } from '../factor-import/read-table.js';
import { readActivityTable, type ActivityWorkbookRead } from './rows.js';

/**
 * Reads a filled CSV copy of the activity template (`activityTemplateCsv`, or the Excel template
 * saved as CSV) into inventory-format lines, with the same checks and issues as
 * `readActivityWorkbook`; rows are numbered by the line they start on, the header being line 1.
 * `text` is the decoded file: `decodeCsvBytes` decodes UTF-8 and, for a sheet saved as plain
 * "CSV" on a Chinese Windows, GB18030.
 */
export function readActivityCsv(text: string, fileName: string): ActivityWorkbookRead {
  try {
    // csv-parse takes the first line's ending for every record; an editor may have added lines
    // with another ending, so all are made one.
    return readActivityTable(readCsvTable(text.replace(/\r\n?/g, '\n'), fileName));
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    return { lines: [], issues: [{ file: fileName, reason: e.message }] };
  }
}
