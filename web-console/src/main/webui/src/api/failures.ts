// How a failed write is told to the user: a stale version offers to reload, anything else says
// what the service said, in Chinese.
import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from './problem';

export async function reportFailure(error: unknown, reload?: () => unknown): Promise<void> {
  if (error instanceof ApiError && error.stale && reload) {
    try {
      await ElMessageBox.confirm('数据已被他人修改。重新加载后再操作？', '数据已变化', {
        confirmButtonText: '重新加载',
        cancelButtonText: '取消',
        type: 'warning',
      });
      await reload();
    } catch {
      // the user chose to stay on the page as it is
    }
    return;
  }
  ElMessage.error(error instanceof ApiError ? error.message : '操作失败，请稍后重试');
}
