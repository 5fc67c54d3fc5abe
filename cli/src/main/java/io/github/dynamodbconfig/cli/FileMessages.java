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

import static io.github.dynamodbconfig.cli.Message.detail;
import static io.github.dynamodbconfig.cli.Message.error;
import static io.github.dynamodbconfig.cli.Message.part;

/**
 * Messages of reading a file to import and a JSON value: DDBCFG-1300 to 1399. A problem names where
 * it is (line and column), never the value it stumbled on.
 */
final class FileMessages {

  static final Message NOT_VALID = error(1301, "%s is not a valid %s file; nothing was written");

  static final Message CANNOT_READ = error(1302, "Cannot read %s: %s");

  static final Message NOT_UTF8 = error(1303, "%s is not UTF-8 text: %s");

  static final Message NO_FORMAT =
      error(
          1304,
          "Cannot tell the format of %s from its name: give --format properties, json or"
              + " batch-write");

  static final Message GIVEN_AGAIN = detail(1305, "key %s is given again (first on line %d)");

  static final Message AT = part(1310, "at line %d, column %d");

  static final Message SETTINGS_OBJECT = detail(1311, "a JSON object of settings is expected %s");

  static final Message TEXT_AFTER_OBJECT = detail(1312, "text after the JSON object %s");

  static final Message TEXT_AFTER_VALUE = detail(1313, "text after the JSON value %s");

  static final Message NOT_A_NUMBER = detail(1314, "a value is not a number");

  static final Message NUMBER_RANGE =
      detail(
          1315,
          "a number is outside what DynamoDB stores (38 significant digits, 1E-130 to 1E126)");

  static final Message VALUE_MISSING = detail(1316, "a value is missing %s");

  static final Message UNEXPECTED = detail(1317, "unexpected %s %s");

  static final Message TYPED_EXPECTED =
      detail(1318, "a typed value such as {\"S\": \"text\"} is expected %s");

  static final Message NO_TYPE = detail(1319, "a typed value has no type %s");

  static final Message TWO_TYPES = detail(1320, "a typed value has more than one type %s");

  static final Message BOOL_VALUE = detail(1321, "BOOL needs true or false %s");

  static final Message NULL_VALUE = detail(1322, "NULL needs true %s");

  static final Message M_VALUE = detail(1323, "M needs an object %s");

  static final Message UNKNOWN_TYPE =
      detail(1324, "unknown type '%s' %s (S, N, B, BOOL, NULL, SS, NS, BS, L, M)");

  static final Message NEEDS_ARRAY = detail(1325, "%s needs an array %s");

  static final Message SET_TWICE = detail(1326, "a set %s holds an element twice %s");

  static final Message N_VALUE = detail(1327, "N needs a number %s");

  static final Message NEEDS_STRING = detail(1328, "%s needs a string %s");

  static final Message NOT_BASE64 = detail(1329, "a binary value is not Base64");

  static final Message MORE_TABLES =
      detail(
          1340, "the file holds requests for more than one table %s; import one table at a time");

  static final Message TEXT_AFTER_FILE =
      detail(
          1341,
          "text after the file's object %s (one file holds one object; import each file on its"
              + " own)");

  static final Message TABLES_OBJECT =
      detail(1342, "an object of a table name to its requests is expected %s");

  static final Message REQUESTS_LIST = detail(1343, "a list of PutRequest entries is expected %s");

  static final Message REQUEST_OBJECT = detail(1344, "a request object is expected %s");

  static final Message NOT_PUT = detail(1345, "%s is not supported; an import only puts items");

  static final Message PUT_OBJECT = detail(1346, "{\"Item\": {...}} is expected %s");

  static final Message NO_ITEM = detail(1347, "PutRequest needs an Item %s");

  static final Message ITEM_OBJECT = detail(1348, "an item of typed attributes is expected %s");

  static final Message ITEM_PROBLEM = detail(1350, "%s: %s");

  static final Message AN_ITEM = part(1351, "an item");

  static final Message THE_ITEM = part(1352, "item %s");

  static final Message KEY_NOT_S = part(1353, "its key attribute '%s' is not of type S");

  static final Message SECRET_NOT_BOOL =
      part(1354, "its secret attribute '%s' is not of type BOOL");

  static final Message OTHER_ATTRIBUTE =
      part(1355, "attribute %s is none of the table's (%s, %s, %s) and would be lost");

  static final Message NO_KEY = part(1356, "it has no key attribute '%s'");

  static final Message NO_VALUE = part(1357, "it has no value attribute '%s'");

  private FileMessages() {}
}
