@source:s3 @push @async
Feature: In a versioned bucket a delete creates a delete marker
  In a bucket with versioning, object events carry the versionId, and deleting an object without a
  version creates a delete marker: the event is ObjectRemoved:DeleteMarkerCreated.

  AWS documentation:
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html

  @aws-documented @needs:source:s3
  Scenario: A delete in a versioned bucket sends ObjectRemoved:DeleteMarkerCreated
    Given a function that returns nothing
    And S3 may invoke the function
    And a versioned bucket "history"
    And the bucket "history" notifies the function of "s3:ObjectRemoved:*"
    When the object "a.txt" is put into "history" with the content "x"
    And the object "a.txt" is deleted from "history"
    Then the function was invoked 1 time
    And the event has "Records.0.eventName" set to "ObjectRemoved:DeleteMarkerCreated"
