/** @jest-environment jsdom */
/** useTask: the one busy / error / notice state of the pane's views. */
import { act, renderHook } from '@testing-library/react';
import { useTask, type Notice } from '../../src/ui/useTask';

/** A promise settled from outside, so a test can look while the work is still running. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useTask', () => {
  it('is busy with the label while the work runs, then shows what it returned', async () => {
    const { result } = renderHook(() => useTask<'save'>());
    const work = deferred<string>();
    let done!: Promise<void>;
    act(() => {
      done = result.current.run('save', () => work.promise);
    });
    expect(result.current.busy).toBe('save');
    expect(result.current.notice).toBeNull();
    await act(async () => {
      work.resolve('已保存');
      await done;
    });
    expect(result.current.busy).toBeNull();
    expect(result.current.notice).toEqual({ intent: 'success', text: '已保存' });
    expect(result.current.error).toBeNull();
  });

  it('without a label is busy as "busy"; a returned notice keeps its intent', async () => {
    const { result } = renderHook(() => useTask());
    const work = deferred<Notice>();
    let done!: Promise<void>;
    act(() => {
      done = result.current.run(() => work.promise);
    });
    expect(result.current.busy).toBe('busy');
    await act(async () => {
      work.resolve({ intent: 'warning', text: '没有可取的数据' });
      await done;
    });
    expect(result.current.notice).toEqual({ intent: 'warning', text: '没有可取的数据' });
  });

  it('captures a failure as the error (for ErrorBar) and is no longer busy', async () => {
    const { result } = renderHook(() => useTask());
    const failure = new Error('写入失败');
    await act(() => result.current.run(async () => Promise.reject(failure)));
    expect(result.current.error).toBe(failure);
    expect(result.current.busy).toBeNull();
    expect(result.current.notice).toBeNull();
    act(() => result.current.clearError());
    expect(result.current.error).toBeNull();
  });

  it('clears the last notice and error when a new run starts', async () => {
    const { result } = renderHook(() => useTask());
    await act(() => result.current.run(async () => '第一次'));
    expect(result.current.notice?.text).toBe('第一次');
    const work = deferred<void>();
    let done!: Promise<void>;
    act(() => {
      done = result.current.run(() => work.promise);
    });
    expect(result.current.notice).toBeNull();
    await act(async () => {
      work.reject(new Error('第二次失败'));
      await done;
    });
    expect(result.current.error).toEqual(new Error('第二次失败'));
    act(() => {
      done = result.current.run(async () => undefined);
    });
    expect(result.current.error).toBeNull();
    await act(() => done);
    // work that returns nothing leaves a notice it set itself
    await act(() =>
      result.current.run(async () => {
        result.current.setNotice('自己设的');
      }),
    );
    expect(result.current.notice).toEqual({ intent: 'success', text: '自己设的' });
  });

  it('leaves an older run’s result and failure unshown once a newer run started', async () => {
    const { result } = renderHook(() => useTask<'old' | 'new'>());
    const oldest = deferred<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    let seenCurrent: boolean | undefined;
    let zeroth!: Promise<void>;
    let first!: Promise<void>;
    let second!: Promise<void>;
    act(() => {
      zeroth = result.current.run('old', () => oldest.promise);
      first = result.current.run('old', async (current) => {
        const r = await older.promise;
        seenCurrent = current();
        return r;
      });
      second = result.current.run('new', () => newer.promise);
    });
    expect(result.current.busy).toBe('new');
    await act(async () => {
      older.resolve('旧结果');
      await first;
    });
    await act(async () => {
      oldest.reject(new Error('旧的失败'));
      await zeroth;
    });
    expect(seenCurrent).toBe(false);
    expect(result.current.notice).toBeNull();
    expect(result.current.error).toBeNull();
    expect(result.current.busy).toBe('new');
    await act(async () => {
      newer.resolve('新结果');
      await second;
    });
    expect(result.current.notice?.text).toBe('新结果');
    expect(result.current.busy).toBeNull();
  });

  it('turns the failures options.failure names into a notice, the others stay errors', async () => {
    const { result } = renderHook(() =>
      useTask({ failure: (e) => (e instanceof RangeError ? { intent: 'warning', text: `提示：${e.message}` } : null) }),
    );
    await act(() => result.current.run(async () => Promise.reject(new RangeError('文件里没有数据'))));
    expect(result.current.notice).toEqual({ intent: 'warning', text: '提示：文件里没有数据' });
    expect(result.current.error).toBeNull();
    const other = new TypeError('别的错');
    await act(() => result.current.run(async () => Promise.reject(other)));
    expect(result.current.error).toBe(other);
    expect(result.current.notice).toBeNull();
  });
});
