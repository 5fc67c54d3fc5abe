/*
 * Copyright 2026 The DynamoDB Config Source Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dynamodbconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's change stamp: one item, under the key {@value #KEY}, that writers keep current. Its
 * {@value #VERSION} attribute grows with every change; its {@value #STATE} is {@value #WRITING}
 * while a change of several items is being written and {@value #DONE} after it; {@value #SINCE} is
 * when the state was last set (epoch milliseconds). The item is never a property: the source reads
 * it to tell whether the table changed, and whether a change is complete.
 *
 * @param version grows with every change
 * @param writing a change is being written
 * @param since when the state was set
 */
record ChangeStamp(long version, boolean writing, Instant since) {

  /** The stamp item's key. */
  static final String KEY = "dynamodb.config.change-stamp";

  static final String VERSION = "Version";
  static final String STATE = "State";
  static final String SINCE = "Since";
  static final String WRITING = "writing";
  static final String DONE = "done";

  /** A table's items without its stamp item, and the stamp it held. */
  record Split(List<Map<String, AttributeValue>> items, Optional<ChangeStamp> stamp) {}

  /** The stamp of {@code item}, when it is a stamp item whose attributes can be read. */
  static Optional<ChangeStamp> of(Map<String, AttributeValue> item) {
    AttributeValue version = item.get(VERSION);
    AttributeValue state = item.get(STATE);
    AttributeValue since = item.get(SINCE);
    if (version == null || version.n() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ChangeStamp(
              Long.parseLong(version.n()),
              state != null && WRITING.equals(state.s()),
              since == null || since.n() == null
                  ? Instant.EPOCH
                  : Instant.ofEpochMilli(Long.parseLong(since.n()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code item} is the stamp item of a table whose key attribute is {@code keyName}. */
  static boolean isStampItem(Map<String, AttributeValue> item, String keyName) {
    AttributeValue key = item.get(keyName);
    return key != null && KEY.equals(key.s());
  }

  /** {@code items} without the stamp item, and the stamp. */
  static Split split(List<Map<String, AttributeValue>> items, String keyName) {
    List<Map<String, AttributeValue>> rest = new ArrayList<>(items.size());
    Optional<ChangeStamp> stamp = Optional.empty();
    for (Map<String, AttributeValue> item : items) {
      if (isStampItem(item, keyName)) {
        stamp = of(item);
      } else {
        rest.add(item);
      }
    }
    return new Split(rest, stamp);
  }

  /**
   * A change is being written, and its writer was seen within {@code abandonAfter}: a writer that
   * set {@value #WRITING} longer ago than that is taken as gone, so it cannot block refresh.
   */
  boolean inProgress(Instant now, Duration abandonAfter) {
    return writing && since.plus(abandonAfter).isAfter(now);
  }

  /** A change was left {@value #WRITING} longer than {@code abandonAfter}. */
  boolean abandoned(Instant now, Duration abandonAfter) {
    return writing && !inProgress(now, abandonAfter);
  }
}
