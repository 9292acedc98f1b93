using Conformance.Core.Functions;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps for the pull sources: SQS, Kinesis and DynamoDB Streams, and their event source mappings.</summary>
[Binding]
public sealed class PullSourceSteps(PullSourceDriver pull, FunctionDriver function, DestinationDriver destinations)
{
    // ---- Function behaviour for batches ----

    [Given("a function that reports as failed the items containing {string}")]
    public Task ReportsFailures(string marker) => function.CreateAsync(new FunctionBehaviour { FailItemsContaining = marker });

    // ---- SQS ----

    [Given("an SQS queue {string} with a visibility timeout of {int} seconds")]
    public Task Queue(string name, int visibility) => pull.CreateQueueAsync(new QueueSpec(name) { VisibilityTimeoutSeconds = visibility });

    [Given("an SQS queue {string} with a visibility timeout of {int} seconds that moves a message to {string} after {int} receive(s)")]
    public async Task QueueWithRedrive(string name, int visibility, string deadLetter, int receives)
    {
        await pull.CreateQueueAsync(new QueueSpec(deadLetter));
        await pull.CreateQueueAsync(new QueueSpec(name) { VisibilityTimeoutSeconds = visibility, DeadLetterQueueName = deadLetter, MaxReceiveCount = receives });
    }

    [Given("the function polls {string}")]
    public Task Polls(string queue) => MapAsync(queue, m => m);

    [Given("the function polls {string} with a batch size of {int}")]
    public Task PollsBatch(string queue, int size) => MapAsync(queue, m => m with { BatchSize = size });

    [Given("the function polls {string} with a batch size of {int} and a maximum concurrency of {int}")]
    public Task PollsCapped(string queue, int size, int concurrency) => MapAsync(queue, m => m with { BatchSize = size, MaximumConcurrency = concurrency });

    [Given("the function polls {string} with a batch size of {int} and a batching window of {int} seconds")]
    public Task PollsWindow(string queue, int size, int window) => MapAsync(queue, m => m with { BatchSize = size, MaximumBatchingWindowInSeconds = window });

    [Given("the function polls {string} and reports batch item failures")]
    public Task PollsReporting(string queue) => MapAsync(queue, m => m with { FunctionResponseTypes = ["ReportBatchItemFailures"] });

    [Given("the function polls {string} with the filter:")]
    public Task PollsFiltered(string source, string pattern) => MapAsync(source, m => m with { FilterPatterns = [pattern], StartingPosition = pull.IsStream(source) ? "TRIM_HORIZON" : null });

    [Given("the function polls {string} with the filters, one per line:")]
    public Task PollsWithFilters(string source, string patterns) =>
        MapAsync(source, m => m with { FilterPatterns = [.. patterns.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], StartingPosition = pull.IsStream(source) ? "TRIM_HORIZON" : null });

    [Given("the function's mapping is disabled")]
    public Task Disable() => pull.SetEnabledAsync(false);

    [When("the function's mapping is enabled")]
    public Task Enable() => pull.SetEnabledAsync(true);

    [When("the function is mapped to {string} with a batch size of {int}")]
    public Task TryBatch(string source, int size) => pull.MapAsync(source, m => m with { BatchSize = size, StartingPosition = pull.IsStream(source) ? "TRIM_HORIZON" : null });

    [When("the function is mapped to {string} with a batch size of {int} and a batching window of {int} seconds")]
    public Task TryWindow(string source, int size, int window) => pull.MapAsync(source, m => m with { BatchSize = size, MaximumBatchingWindowInSeconds = window });

    [When("the function is mapped to {string} with {int} filters")]
    public Task TryFilters(string source, int count) =>
        pull.MapAsync(source, m => m with { FilterPatterns = [.. Enumerable.Range(1, count).Select(i => $"{{\"body\":{{\"n\":[{i}]}}}}")] });

    [When("the function is mapped to {string} with the filter:")]
    public Task TryFilter(string source, string pattern) => pull.MapAsync(source, m => m with { FilterPatterns = [pattern] });

    [When("the function is mapped to {string} starting at {word}")]
    public Task TryStart(string source, string position) => pull.MapAsync(source, m => m with { StartingPosition = position, StartingPositionTimestamp = DateTimeOffset.UnixEpoch });

    [When("the function is mapped to {string} with {word} set to {int}")]
    public Task TrySetting(string source, string setting, int value) => pull.MapAsync(source, m => Setting(m with { StartingPosition = pull.IsStream(source) ? "TRIM_HORIZON" : null }, setting, value));

    [When("the function is mapped to {string} with the response type {string}")]
    public Task TryResponseType(string source, string type) => pull.MapAsync(source, m => m with { FunctionResponseTypes = [type], StartingPosition = pull.IsStream(source) ? "TRIM_HORIZON" : null });

    [Given("the function reads {string} from the trim horizon in tumbling windows of {int} seconds")]
    public Task ReadsWindowed(string source, int seconds) => MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", TumblingWindowInSeconds = seconds });

    [Given("the function reads {string} from the trim horizon with a parallelization factor of {int}")]
    public Task ReadsParallel(string source, int factor) => MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", ParallelizationFactor = factor, FunctionResponseTypes = ["ReportBatchItemFailures"] });

    private static EventSourceMappingSpec Setting(EventSourceMappingSpec mapping, string setting, int value) => setting switch
    {
        "BatchSize" => mapping with { BatchSize = value },
        "ParallelizationFactor" => mapping with { ParallelizationFactor = value },
        "MaximumRetryAttempts" => mapping with { MaximumRetryAttempts = value },
        "MaximumRecordAgeInSeconds" => mapping with { MaximumRecordAgeInSeconds = value },
        "MaximumBatchingWindowInSeconds" => mapping with { MaximumBatchingWindowInSeconds = value },
        "TumblingWindowInSeconds" => mapping with { TumblingWindowInSeconds = value },
        "MaximumConcurrency" => mapping with { MaximumConcurrency = value },
        _ => throw new ArgumentException($"Unknown mapping setting '{setting}'."),
    };

    [When("the function is mapped to {string}")]
    public Task TryMap(string source) => pull.MapAsync(source, m => m);

    [Then("the mapping is accepted")]
    public void MappingAccepted() => pull.ExpectMappingAccepted();

    [Then("the mapping is rejected with {word}")]
    public void MappingRejected(string errorType) => pull.ExpectMappingRejected(errorType);

    [Then("the mapping is rejected with {word} saying {string}")]
    public void MappingRejectedSaying(string errorType, string message) => pull.ExpectMappingRejected(errorType, message);

    [When("the messages {string} are sent to {string}")]
    public Task SendMany(string bodies, string queue) => pull.SendBatchAsync(queue, [.. Split(bodies).Select(body => new QueueMessage(body))]);

    [When("the messages {string} are sent to {string} in the group {string}")]
    public Task SendGroup(string bodies, string queue, string group) =>
        pull.SendBatchAsync(queue, [.. Split(bodies).Select(body => new QueueMessage(body) { GroupId = group, DeduplicationId = $"{group}-{body}" })]);

    [When("the message {string} is sent to {string}")]
    public Task Send(string body, string queue) => pull.SendAsync(queue, new QueueMessage(body));

    [When("the message {string} is sent to {string} with the trace header {string}")]
    public Task SendTraced(string body, string queue, string traceHeader) => pull.SendAsync(queue, new QueueMessage(body) { TraceHeader = traceHeader });

    [Then("{string} holds {int} message(s)")]
    public Task Holds(string queue, int count) => pull.ExpectQueueHoldsAsync(queue, count);

    [Then("{string} has {int} message(s) in flight")]
    public Task InFlight(string queue, int count) => pull.ExpectQueueInFlightAsync(queue, count);

    [Then("{string} holds the messages {string}")]
    public Task HoldsBodies(string queue, string bodies) => pull.ExpectQueueBodiesAsync(queue, bodies);

    // ---- Kinesis ----

    [Given("a Kinesis stream {string} with {int} shard(s)")]
    public Task Stream(string name, int shards) => pull.CreateStreamAsync(name, shards);

    [Given("the function reads {string} from the trim horizon")]
    public Task Reads(string source) => MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON" });

    [Given("the function reads {string} from the latest record")]
    public Task ReadsLatest(string source) => MapAsync(source, m => m with { StartingPosition = "LATEST" });

    [Given("the function reads {string} from the trim horizon with a batch size of {int}")]
    public Task ReadsBatch(string source, int size) => MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", BatchSize = size });

    [Given("the function reads {string} from the trim horizon with a batch size of {int} and a batching window of {int} seconds")]
    public Task ReadsBatchWindow(string source, int size, int window) =>
        MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", BatchSize = size, MaximumBatchingWindowInSeconds = window });

    [Given("the function reads {string} from the trim horizon, retrying at most {int} time(s), failures going to {string}")]
    public Task ReadsRetrying(string source, int retries, string destination) =>
        MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = retries, OnFailureDestination = destinations.Arn(destination) });

    [Given("the function reads {string} from the trim horizon, discarding records older than {int} seconds to {string}")]
    public Task ReadsDiscardingOld(string source, int seconds, string destination) =>
        MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", MaximumRecordAgeInSeconds = seconds, OnFailureDestination = destinations.Arn(destination) });

    [Given("the function reads {string} from the trim horizon, splitting failed batches and retrying at most {int} time(s)")]
    public Task ReadsBisecting(string source, int retries) =>
        MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = retries, BisectBatchOnFunctionError = true });

    [Given("the function reads {string} from the trim horizon and reports batch item failures")]
    public Task ReadsReporting(string source) => MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", FunctionResponseTypes = ["ReportBatchItemFailures"] });

    [Given("the function reads {string} from the trim horizon, reports batch item failures and splits failed batches")]
    public Task ReadsReportingBisecting(string source) =>
        MapAsync(source, m => m with { StartingPosition = "TRIM_HORIZON", FunctionResponseTypes = ["ReportBatchItemFailures"], BisectBatchOnFunctionError = true });

    [When("the records {string} are put into {string} with the partition key {string}")]
    public Task PutRecords(string data, string stream, string key) => pull.PutRecordsAsync(stream, [.. Split(data).Select(item => (key, item))]);

    // ---- DynamoDB ----

    [Given("a DynamoDB table {string} with a {word} stream")]
    public Task Table(string name, string viewType) => pull.CreateTableAsync(new TableSpec(name, "Id", viewType));

    [When("the item {string} is written to {string}")]
    public Task PutItem(string item, string table) => pull.PutItemAsync(table, item);

    [When("the item with the Id {int} is deleted from {string}")]
    public Task DeleteItem(int id, string table) => pull.DeleteItemAsync(table, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // ---- Batches ----

    [Then("batch {int} held {string}")]
    public Task Batch(int index, string items) => pull.ExpectBatchAsync(index, items);

    [Then("the function received {string} in batches of at most {int}")]
    public Task DeliveredInBatchesOfAtMost(string items, int maximum) => pull.ExpectDeliveredInBatchesOfAtMostAsync(items, maximum);

    [Then("the function received {string} at least {int} times")]
    public Task ReceivedAtLeast(string item, int times) => pull.ExpectReceivedAtLeastAsync(item, times);

    [Then("every batch after the first that held {string} began with it")]
    public Task RetriesBeginWith(string item) => pull.ExpectRetriesBeginWithAsync(item);

        [Then("the function did not receive {string}")]
    public Task NotReceived(string item) => pull.ExpectNotReceivedAsync(item);

    [Then("the batches had the sizes {string}")]
    public Task BatchSizes(string sizes) => pull.ExpectBatchSizesAsync(sizes);

    [Then("the function received the records of {string} in the order {string}")]
    public Task KeyOrder(string key, string items) => pull.ExpectItemsAsync(items, item => item.StartsWith(key.Split('-')[^1] + "-", StringComparison.Ordinal));

    [Then("the {word} record has {string} set to {string}")]
    public Task RecordField(string eventName, string path, string value) => pull.ExpectRecordFieldAsync(eventName, path, value);

    [Then("the {word} record's {string} is {word}")]
    public Task RecordFieldPresence(string eventName, string path, string presence) => pull.ExpectRecordFieldPresentAsync(eventName, path, presence switch
    {
        "present" => true,
        "absent" => false,
        _ => throw new ArgumentException($"Expected 'present' or 'absent', not '{presence}'."),
    });

    [Then("the function received, in order, {string}")]
    public Task Items(string items) => pull.ExpectItemsAsync(items);

    private async Task MapAsync(string source, Func<EventSourceMappingSpec, EventSourceMappingSpec> configure)
    {
        await pull.MapAsync(source, configure);
        pull.ExpectMappingCreated();
    }

    private static IEnumerable<string> Split(string list) => list.Split(", ", StringSplitOptions.RemoveEmptyEntries);
}
