@source:s3 @push @async
Feature: Notification filters choose the events and keys that invoke the function
  A notification names the event types it wants (exactly, or with a wildcard such as
  s3:ObjectCreated:*) and may restrict keys by prefix and suffix. Other changes do not invoke the
  function. A prefix filter also keeps a function that writes back to its bucket from looping.

  AWS documentation:
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html

  @aws-documented @needs:source:s3
  Scenario Outline: With the prefix "images/" and suffix ".jpg", putting <key> invokes the function <count> time(s)
    Given a function that returns nothing
    And S3 may invoke the function
    And a bucket "media"
    And the bucket "media" notifies the function of "s3:ObjectCreated:*" for keys starting with "images/" and ending with ".jpg"
    When the object "<key>" is put into "media" with the content "x"
    Then the function was invoked <count> times

    Examples:
      | key              | count |
      | images/cat.jpg   | 1     |
      | images/cat.png   | 0     |
      | thumbs/cat.jpg   | 0     |
      | images/a/b/c.jpg | 1     |

  @aws-documented @needs:source:s3
  Scenario: Only the configured event types invoke the function
    Given a function that returns nothing
    And S3 may invoke the function
    And a bucket "media"
    And the bucket "media" notifies the function of "s3:ObjectRemoved:Delete"
    When the object "a.txt" is put into "media" with the content "x"
    Then the function was not invoked
