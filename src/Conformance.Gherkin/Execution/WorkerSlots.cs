namespace Conformance.Gherkin.Execution;

/// <summary>
/// The run's worker slots. A scenario coming back from a wait is served before a scenario that has
/// not started, so that a long scenario, started first, is not held up at its end by the rest of the run.
/// </summary>
internal sealed class WorkerSlots(int count)
{
    private readonly object gate = new();
    private readonly Queue<TaskCompletionSource> returning = new();
    private readonly Queue<TaskCompletionSource> starting = new();
    private int free = count;

    /// <summary>Takes a slot for a scenario about to start.</summary>
    public Task TakeToStartAsync(CancellationToken cancellation) => TakeAsync(starting, cancellation);

    /// <summary>Takes a slot for a scenario that has waited away from its worker (served first).</summary>
    public Task TakeToReturnAsync() => TakeAsync(returning, CancellationToken.None);

    public void Release()
    {
        while (true)
        {
            TaskCompletionSource? next;
            lock (gate)
            {
                next = Dequeue(returning) ?? Dequeue(starting);
                if (next is null)
                {
                    free++;
                    return;
                }
            }
            if (next.TrySetResult()) return; // the slot passed straight to the next in line, unless it gave up meanwhile
        }
    }

    private Task TakeAsync(Queue<TaskCompletionSource> queue, CancellationToken cancellation)
    {
        lock (gate)
        {
            if (free > 0 && returning.Count == 0 && (queue == returning || starting.Count == 0))
            {
                free--;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(waiter);
            if (cancellation.CanBeCanceled) cancellation.Register(() => waiter.TrySetCanceled(cancellation));
            return waiter.Task;
        }
    }

    // A waiter cancelled meanwhile is passed over.
    private static TaskCompletionSource? Dequeue(Queue<TaskCompletionSource> queue)
    {
        while (queue.TryDequeue(out var waiter))
            if (!waiter.Task.IsCompleted) return waiter;
        return null;
    }
}
