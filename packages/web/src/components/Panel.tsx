import type { ReactNode } from 'react';
import { Card, Empty, Skeleton } from 'antd';
import type { RequestState } from '../api/useRequest.js';
import { ErrorState } from './ErrorState.js';

/**
 * A card that shows the three states of its data the same way everywhere: a skeleton while
 * loading, the error with a retry, an empty note when there is nothing, else its content.
 */
export function Panel<T>({
  title,
  extra,
  request,
  isEmpty,
  empty,
  children,
  height = 300,
  id,
}: {
  title: ReactNode;
  extra?: ReactNode;
  request: RequestState<T> & { reload: () => void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
  height?: number;
  id?: string;
}) {
  let body: ReactNode;
  if (request.status === 'error')
    body = <ErrorState error={request.error} onRetry={request.reload} />;
  else if (request.data === undefined)
    body = <Skeleton active paragraph={{ rows: Math.max(2, Math.round(height / 60)) }} />;
  else if (isEmpty?.(request.data))
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  else body = children(request.data);
  return (
    <Card title={title} extra={extra} id={id} styles={{ body: { minHeight: height } }}>
      {body}
    </Card>
  );
}
