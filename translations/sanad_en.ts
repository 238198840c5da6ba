<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n change(s) have not reached the server yet. They stay on this computer and are sent when you sign in again. Sign out anyway?</source>
        <translation>
            <numerusform>%n change has not reached the server yet. It stays on this computer and is sent when you sign in again. Sign out anyway?</numerusform>
            <numerusform>%n changes have not reached the server yet. They stay on this computer and are sent when you sign in again. Sign out anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sanad::ui::AgentWindow</name>
    <message numerus="yes">
        <source>%Ln customer(s) found. Enter opens the selected one.</source>
        <translation>
            <numerusform>%Ln customer found. Enter opens it.</numerusform>
            <numerusform>%Ln customers found. Enter opens the selected one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sanad::ui::DisplayText</name>
    <message numerus="yes">
        <source>overdue by %Ln day(s)</source>
        <translation>
            <numerusform>overdue by %Ln day</numerusform>
            <numerusform>overdue by %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %Ln hour(s)</source>
        <translation>
            <numerusform>overdue by %Ln hour</numerusform>
            <numerusform>overdue by %Ln hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sanad::ui::OfferBanner</name>
    <message numerus="yes">
        <source>Queue %1 · answer within %Ln second(s)</source>
        <translation>
            <numerusform>Queue %1 · answer within %Ln second</numerusform>
            <numerusform>Queue %1 · answer within %Ln seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sanad::ui::SyncStatus</name>
    <message numerus="yes">
        <source>%n change(s) waiting, the oldest for %1</source>
        <translation>
            <numerusform>%n change waiting, for %1</numerusform>
            <numerusform>%n changes waiting, the oldest for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to decide</source>
        <translation>
            <numerusform>%n change to decide</numerusform>
            <numerusform>%n changes to decide</numerusform>
        </translation>
    </message>
</context>
</TS>
