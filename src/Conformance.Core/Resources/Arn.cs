using System.Text.RegularExpressions;

namespace Conformance.Core.Resources;

/// <summary>
/// An Amazon Resource Name: <c>arn:partition:service:region:account:resource</c>
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). The one place the kit builds
/// and reads ARNs; S3 buckets and IAM roles leave the region (and for buckets the account) empty.
/// </summary>
public readonly record struct Arn(string Service, string Region, string Account, string Resource, string Partition = "aws")
{
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";

    /// <summary>Reads an ARN; false for text with fewer than six <c>:</c>-separated parts or not starting with <c>arn:</c>.</summary>
    public static bool TryParse(string? text, out Arn arn)
    {
        arn = default;
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal)) return false;
        var parts = text.Split(':', 6);
        if (parts.Length < 6) return false;
        arn = new Arn(parts[2], parts[3], parts[4], parts[5], parts[1]);
        return true;
    }

    /// <summary>The service of an ARN (<c>sqs</c>, <c>lambda</c>, ...), or null for text that is not an ARN.</summary>
    public static string? ServiceOf(string? text) => TryParse(text, out var arn) ? arn.Service : null;

    /// <summary>
    /// The resource's name: a queue's, topic's or bucket's whole resource, or the part after the type of
    /// a typed one (<c>function:NAME</c>, <c>stream/NAME</c>, <c>table/NAME/stream/...</c>, <c>rule/NAME</c>).
    /// </summary>
    public string ResourceName => Resource.Split([':', '/']) is { Length: > 1 } segments ? segments[1] : Resource;

    public static Arn Function(string region, string account, string name, string? qualifier = null) =>
        new("lambda", region, account, qualifier is null ? $"function:{name}" : $"function:{name}:{qualifier}");

    public static Arn Queue(string region, string account, string name) => new("sqs", region, account, name);

    public static Arn Topic(string region, string account, string name) => new("sns", region, account, name);

    public static Arn EventBus(string region, string account, string name) => new("events", region, account, $"event-bus/{name}");

    public static Arn Rule(string region, string account, string name) => new("events", region, account, $"rule/{name}");

    public static Arn KinesisStream(string region, string account, string name) => new("kinesis", region, account, $"stream/{name}");

    /// <summary>A DynamoDB table's stream, labelled with the time it was created as DynamoDB does.</summary>
    public static Arn TableStream(string region, string account, string table, DateTimeOffset created) =>
        new("dynamodb", region, account, $"table/{table}/stream/{created.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}");

    public static Arn Bucket(string name) => new("s3", "", "", name);

    public static Arn Role(string account, string name) => new("iam", "", account, $"role/{name}");

    /// <summary>The invocations of every stage, method and path of an API: the source ARN of its permission.</summary>
    public static Arn ExecuteApi(string region, string account, string apiId) => new("execute-api", region, account, $"{apiId}/*");

    /// <summary>
    /// A Region's name as AWS spells it (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>cn-north-1</c>; the list at
    /// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
    /// </summary>
    public static bool IsRegion(string? text) => text is not null && Regex.IsMatch(text, "^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant);

    /// <summary>An AWS account id: twelve digits (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).</summary>
    public static bool IsAccount(string? text) => text is not null && Regex.IsMatch(text, "^[0-9]{12}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// What keeps this ARN from being one AWS would write, or null: a partition AWS does not have, a Region
    /// or account in the wrong form (S3 buckets have neither, IAM no Region), or a resource of a known
    /// service in another form than its service gives it (a Kinesis <c>stream/NAME</c>, a DynamoDB
    /// <c>table/NAME</c> or <c>table/NAME/stream/LABEL</c>, an SQS queue or SNS topic <c>NAME</c>, a Lambda
    /// <c>function:NAME[:QUALIFIER]</c>, an EventBridge <c>rule/NAME</c> or <c>event-bus/NAME</c>).
    /// </summary>
    public string? Malformation()
    {
        if (Partition is not ("aws" or "aws-cn" or "aws-us-gov")) return $"the partition \"{Partition}\" is not AWS's";
        var (regionless, accountless) = (Service is "s3" or "iam", Service == "s3");
        if (regionless ? Region.Length > 0 : !IsRegion(Region)) return regionless ? $"{Service} ARNs have no Region" : $"\"{Region}\" is not a Region";
        if (accountless ? Account.Length > 0 : !IsAccount(Account)) return accountless ? "S3 bucket ARNs have no account" : $"\"{Account}\" is not an account id";
        var form = Service switch
        {
            "kinesis" => "^stream/[^/]+$",
            "dynamodb" => "^table/[^/]+(/stream/[^/]+)?$",
            "sqs" or "sns" => "^[^:/]+$",
            "lambda" => "^function:[^:/]+(:[^:/]+)?$",
            "events" => "^(rule|event-bus)/[^/]+(/[^/]+)?$",
            _ => null,
        };
        return form is null || Regex.IsMatch(Resource, form, RegexOptions.CultureInvariant) ? null : $"\"{Resource}\" is not a {Service} resource as AWS names it";
    }
}
