<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
