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

import java.util.Optional;

/**
 * What a built {@link DynamoDbConfigSource} is made of: its name, its table (none when it serves
 * none), its ordinal, the snapshot it serves, the refresher that keeps that snapshot current and
 * the listeners of its changes.
 *
 * @param name e.g. {@code DynamoDbConfigSource[table=prod-myapp-config, role=prod-myapp]}
 * @param target the table served, empty for no table
 * @param ordinal the source's ordinal
 * @param snapshot what lookups read
 * @param refresher reloads the table into {@code snapshot}; empty without a refresh interval
 * @param listeners told about each change the refresher publishes
 */
record SourceParts(
    String name,
    Optional<TableTarget> target,
    int ordinal,
    ServedSnapshot snapshot,
    Optional<Refresher> refresher,
    ChangeListeners listeners) {}
