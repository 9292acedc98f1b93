@source:s3 @push @async
Feature: S3 invokes the function asynchronously for each object event
  An S3 bucket can notify a function when objects are created or removed. S3 invokes the function
  asynchronously, one event per object change, so every rule of asynchronous invocation applies
  (retries, destinations). The event carries the bucket, the object's key (URL-encoded: a space
  becomes +), its size and eTag, and a sequencer that orders events for the same key.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html

  Background:
    Given a function that returns nothing
    And S3 may invoke the function
    And a bucket "uploads"
    And the bucket "uploads" notifies the function of "s3:ObjectCreated:*, s3:ObjectRemoved:*"

  @aws-documented @needs:source:s3
  Scenario: Putting an object sends an ObjectCreated:Put event
    When the object "invoice.pdf" is put into "uploads" with the content "hello"
    Then the function was invoked 1 time
    And the event has "Records.0.eventSource" set to "aws:s3"
    And the event has "Records.0.eventName" set to "ObjectCreated:Put"
    And the event has "Records.0.s3.bucket.name" set to "uploads"
    And the event has "Records.0.s3.bucket.arn" set to "arn:aws:s3:::uploads"
    And the event has "Records.0.s3.object.size" set to "5"
    And the event has "Records.0.s3.object.eTag" set to "5d41402abc4b2a76b9719d911017c592"

  @aws-documented @needs:source:s3
  Scenario: The key in the event is URL-encoded
    When the object "reports/Q1 summary (final).txt" is put into "uploads" with the content "x"
    Then the event has "Records.0.s3.object.key" set to "reports/Q1+summary+%28final%29.txt"

  @aws-documented @needs:source:s3
  Scenario: Deleting an object sends an ObjectRemoved:Delete event without size or eTag
    When the object "old.txt" is put into "uploads" with the content "x"
    And the object "old.txt" is deleted from "uploads"
    Then the function was invoked 2 times
    And the event has "Records.0.eventName" set to "ObjectRemoved:Delete"
    And the event has no "Records.0.s3.object.size"
    And the event has no "Records.0.s3.object.eTag"

  @aws-documented @needs:source:s3
  Scenario: Each change of the same key sends its own event
    When the object "a.txt" is put into "uploads" with the content "1"
    And the object "a.txt" is put into "uploads" with the content "2"
    Then event 1 has "Records.0.s3.object.size" set to "1"
    And the function was invoked 2 times
