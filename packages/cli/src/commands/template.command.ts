import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { activityTemplateBuffer, activityTemplateCsv } from '@carbonbase/io';
import type { CliContext } from '../context.js';

export function registerTemplateCommand(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description(
      '下载月度活动数据模板（Excel 或 CSV） write the monthly activity-data template (Excel or CSV)',
    )
    .argument('<out>', '输出文件 file to write (.xlsx, or .csv with --csv)')
    .option('--csv', '写 CSV（UTF-8，带 BOM） write CSV (UTF-8 with a byte-order mark)')
    .action(async (out: string, opts: { csv?: boolean }) => {
      await writeFile(out, opts.csv ? activityTemplateCsv() : await activityTemplateBuffer());
      ctx.out(`已写入模板 template written: ${out}`);
    });
}
