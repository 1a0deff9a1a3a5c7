import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { activityTemplateBuffer } from '@carbonbase/io';
import type { CliContext } from '../context.js';

export function registerTemplateCommand(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description('下载月度活动数据 Excel 模板 write the monthly activity-data Excel template')
    .argument('<out.xlsx>', '输出文件 file to write')
    .action(async (out: string) => {
      await writeFile(out, await activityTemplateBuffer());
      ctx.out(`已写入模板 template written: ${out}`);
    });
}
