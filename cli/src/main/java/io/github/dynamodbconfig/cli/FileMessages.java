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
package io.github.dynamodbconfig.cli;

import static io.github.dynamodbconfig.cli.Message.Level.DETAIL;
import static io.github.dynamodbconfig.cli.Message.Level.ERROR;
import static io.github.dynamodbconfig.cli.Message.Level.PART;

/**
 * Messages of reading a file to import and a JSON value: DDBCFG-1300 to 1399. A problem names where
 * it is (line and column), never the value it stumbled on.
 */
final class FileMessages {

  static final Message NOT_VALID =
      new Message(1301, ERROR, "%s is not a valid %s file; nothing was written");

  static final Message CANNOT_READ = new Message(1302, ERROR, "Cannot read %s: %s");

  static final Message NOT_UTF8 = new Message(1303, ERROR, "%s is not UTF-8 text: %s");

  static final Message NO_FORMAT =
      new Message(
          1304,
          ERROR,
          "Cannot tell the format of %s from its name: give --format properties, json or"
              + " batch-write");

  static final Message GIVEN_AGAIN =
      new Message(1305, DETAIL, "key %s is given again (first on line %d)");

  static final Message AT = new Message(1310, PART, "at line %d, column %d");

  static final Message SETTINGS_OBJECT =
      new Message(1311, DETAIL, "a JSON object of settings is expected %s");

  static final Message TEXT_AFTER_OBJECT =
      new Message(1312, DETAIL, "text after the JSON object %s");

  static final Message TEXT_AFTER_VALUE = new Message(1313, DETAIL, "text after the JSON value %s");

  static final Message NOT_A_NUMBER = new Message(1314, DETAIL, "a value is not a number");

  static final Message NUMBER_RANGE =
      new Message(
          1315,
          DETAIL,
          "a number is outside what DynamoDB stores (38 significant digits, 1E-130 to 1E126)");

  static final Message VALUE_MISSING = new Message(1316, DETAIL, "a value is missing %s");

  static final Message UNEXPECTED = new Message(1317, DETAIL, "unexpected %s %s");

  static final Message TYPED_EXPECTED =
      new Message(1318, DETAIL, "a typed value such as {\"S\": \"text\"} is expected %s");

  static final Message NO_TYPE = new Message(1319, DETAIL, "a typed value has no type %s");

  static final Message TWO_TYPES =
      new Message(1320, DETAIL, "a typed value has more than one type %s");

  static final Message BOOL_VALUE = new Message(1321, DETAIL, "BOOL needs true or false %s");

  static final Message NULL_VALUE = new Message(1322, DETAIL, "NULL needs true %s");

  static final Message M_VALUE = new Message(1323, DETAIL, "M needs an object %s");

  static final Message UNKNOWN_TYPE =
      new Message(1324, DETAIL, "unknown type '%s' %s (S, N, B, BOOL, NULL, SS, NS, BS, L, M)");

  static final Message NEEDS_ARRAY = new Message(1325, DETAIL, "%s needs an array %s");

  static final Message SET_TWICE = new Message(1326, DETAIL, "a set %s holds an element twice %s");

  static final Message N_VALUE = new Message(1327, DETAIL, "N needs a number %s");

  static final Message NEEDS_STRING = new Message(1328, DETAIL, "%s needs a string %s");

  static final Message NOT_BASE64 = new Message(1329, DETAIL, "a binary value is not Base64");

  static final Message MORE_TABLES =
      new Message(
          1340,
          DETAIL,
          "the file holds requests for more than one table %s; import one table at a time");

  static final Message TEXT_AFTER_FILE =
      new Message(
          1341,
          DETAIL,
          "text after the file's object %s (one file holds one object; import each file on its"
              + " own)");

  static final Message TABLES_OBJECT =
      new Message(1342, DETAIL, "an object of a table name to its requests is expected %s");

  static final Message REQUESTS_LIST =
      new Message(1343, DETAIL, "a list of PutRequest entries is expected %s");

  static final Message REQUEST_OBJECT =
      new Message(1344, DETAIL, "a request object is expected %s");

  static final Message NOT_PUT =
      new Message(1345, DETAIL, "%s is not supported; an import only puts items");

  static final Message PUT_OBJECT = new Message(1346, DETAIL, "{\"Item\": {...}} is expected %s");

  static final Message NO_ITEM = new Message(1347, DETAIL, "PutRequest needs an Item %s");

  static final Message ITEM_OBJECT =
      new Message(1348, DETAIL, "an item of typed attributes is expected %s");

  static final Message ITEM_PROBLEM = new Message(1350, DETAIL, "%s: %s");

  static final Message AN_ITEM = new Message(1351, PART, "an item");

  static final Message THE_ITEM = new Message(1352, PART, "item %s");

  static final Message KEY_NOT_S =
      new Message(1353, PART, "its key attribute '%s' is not of type S");

  static final Message SECRET_NOT_BOOL =
      new Message(1354, PART, "its secret attribute '%s' is not of type BOOL");

  static final Message OTHER_ATTRIBUTE =
      new Message(1355, PART, "attribute %s is none of the table's (%s, %s, %s) and would be lost");

  static final Message NO_KEY = new Message(1356, PART, "it has no key attribute '%s'");

  static final Message NO_VALUE = new Message(1357, PART, "it has no value attribute '%s'");

  private FileMessages() {}
}
