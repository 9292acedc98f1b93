@source:s3 @push @async
Feature: S3 needs the function's permission to invoke it
  S3 invokes the function under the function's resource-based policy, which must let
  s3.amazonaws.com invoke it. When the policy does not, S3 refuses the notification configuration
  ("Unable to validate the following destination configurations").

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html
  - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html

  @aws-documented @needs:source:s3
  Scenario: Without the permission the notification is refused
    Given a function that returns nothing
    And a bucket "uploads"
    When the bucket "uploads" is configured to notify the function of "s3:ObjectCreated:*"
    Then the source configuration is rejected with InvalidArgument

  @aws-documented @needs:source:s3
  Scenario: A failing function is retried as any asynchronous invocation
    Given a function that fails with "Error": "boom"
    And S3 may invoke the function
    And a bucket "uploads"
    And the bucket "uploads" notifies the function of "s3:ObjectCreated:*"
    When the object "a.txt" is put into "uploads" with the content "x"
    And 4 minutes pass
    Then the function was invoked 3 times
    And the attempts were 1 minute and then 2 minutes apart
